/* SPDX-License-Identifier: MIT */
/*
 * ascendsim-mkmodel: writes a model file for the simulated runtime (docs/simulator-models.md),
 * or describes one (--info).
 */
#include "model_format.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALIGN_UP(x, a) ((((x) + (a)-1) / (a)) * (a))

static void usage(FILE *out)
{
	fputs("usage: ascendsim-mkmodel -o FILE -i NAME:SIZE[:D0xD1...] [-i ...]\n"
	      "                         -O NAME:SIZE[:D0xD1...] [-O ...]\n"
	      "                         [-c CHANNELS] [-w WORK_SIZE] [-W WEIGHT_SIZE] [-s SEED]\n"
	      "                         [-f WEIGHTS_FILE]\n"
	      "       ascendsim-mkmodel --info FILE\n"
	      "  -i, --input       an input tensor: name, byte size, optional dims\n"
	      "  -O, --output      an output tensor, same syntax\n"
	      "  -c, --channels    channels of the per-channel means (default 3)\n"
	      "  -w, --work-size   declared work memory (default: the result record, 32-aligned)\n"
	      "  -W, --weight-size bytes of pseudo-random weights (default 0)\n"
	      "  -s, --seed        seed of the pseudo-random weights (default 1)\n"
	      "  -f, --weights     take the weights from a file instead\n",
	      out);
}

static int parse_u64(const char *s, uint64_t *out)
{
	char *end;

	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (errno != 0 || end == s || *end != '\0' || s[0] == '-')
		return -1;
	*out = v;
	return 0;
}

/* NAME:SIZE[:D0xD1x...] */
static int parse_tensor(const char *arg, struct ascendsim_mdl_tensor *t)
{
	char buf[512];
	char *size_s, *dims_s, *end;

	if (strlen(arg) >= sizeof(buf))
		return -1;
	strcpy(buf, arg);
	size_s = strchr(buf, ':');
	if (size_s == NULL)
		return -1;
	*size_s++ = '\0';
	dims_s = strchr(size_s, ':');
	if (dims_s != NULL)
		*dims_s++ = '\0';
	if (buf[0] == '\0' || strlen(buf) >= ASCENDSIM_MDL_NAME_LEN)
		return -1;
	memset(t, 0, sizeof(*t));
	strcpy(t->name, buf);
	if (parse_u64(size_s, &t->size) != 0 || t->size == 0)
		return -1;
	while (dims_s != NULL && *dims_s != '\0') {
		if (t->dim_count == ASCENDSIM_MDL_MAX_DIMS)
			return -1;
		errno = 0;
		long long d = strtoll(dims_s, &end, 10);
		if (errno != 0 || end == dims_s || d < -1)
			return -1;
		t->dims[t->dim_count++] = d;
		if (*end == 'x')
			end++;
		else if (*end != '\0')
			return -1;
		dims_s = end;
	}
	return 0;
}

static uint8_t *read_file(const char *path, uint64_t *len)
{
	uint8_t *buf = NULL;
	long size;
	FILE *f = fopen(path, "rb");

	if (f == NULL) {
		fprintf(stderr, "ascendsim-mkmodel: cannot open %s: %s\n", path, strerror(errno));
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fprintf(stderr, "ascendsim-mkmodel: cannot size %s\n", path);
		goto out;
	}
	buf = malloc(size > 0 ? (size_t)size : 1);
	if (buf == NULL || fread(buf, 1, (size_t)size, f) != (size_t)size) {
		fprintf(stderr, "ascendsim-mkmodel: cannot read %ld bytes of %s\n", size, path);
		free(buf);
		buf = NULL;
		goto out;
	}
	*len = (uint64_t)size;
out:
	fclose(f);
	return buf;
}

static void print_tensor(const char *kind, uint32_t i, const struct ascendsim_mdl_tensor *t)
{
	printf("%s %" PRIu32 ": name=%s size=%" PRIu64 " dims=", kind, i, t->name, t->size);
	if (t->dim_count == 0)
		printf("-");
	for (uint32_t d = 0; d < t->dim_count; d++)
		printf("%s%" PRId64, d ? "x" : "", t->dims[d]);
	printf("\n");
}

static int describe(const char *path)
{
	struct ascendsim_mdl_info *info = malloc(sizeof(*info));
	uint64_t len = 0;
	uint8_t *image = read_file(path, &len);
	enum ascendsim_mdl_status st;
	int ret = 1;

	if (image == NULL || info == NULL)
		goto out;
	st = ascendsim_mdl_parse(image, (size_t)len, info);
	if (st != ASCENDSIM_MDL_OK) {
		fprintf(stderr, "ascendsim-mkmodel: %s: %s\n", path, ascendsim_mdl_strerror(st));
		goto out;
	}
	printf("version=%" PRIu32 " compute=%" PRIu32 " channels=%" PRIu32 "\n", info->version,
	       info->compute, info->channels);
	printf("work_size=%" PRIu64 " weight_size=%" PRIu64 " file_size=%" PRIu64 "\n",
	       info->work_size, info->weight_size, info->file_size);
	for (uint32_t i = 0; i < info->num_inputs; i++)
		print_tensor("input", i, &info->inputs[i]);
	for (uint32_t i = 0; i < info->num_outputs; i++)
		print_tensor("output", i, &info->outputs[i]);
	ret = 0;
out:
	free(image);
	free(info);
	return ret;
}

/* xorshift64*: reproducible weights from a seed. */
static void fill_weights(uint8_t *w, uint64_t len, uint64_t seed)
{
	uint64_t x = seed ? seed : 0x9e3779b97f4a7c15ull;

	for (uint64_t i = 0; i < len; i++) {
		x ^= x >> 12;
		x ^= x << 25;
		x ^= x >> 27;
		w[i] = (uint8_t)((x * 0x2545f4914f6cdd1dull) >> 56);
	}
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output-file", required_argument, NULL, 'o' },
		{ "input", required_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'O' },
		{ "channels", required_argument, NULL, 'c' },
		{ "work-size", required_argument, NULL, 'w' },
		{ "weight-size", required_argument, NULL, 'W' },
		{ "seed", required_argument, NULL, 's' },
		{ "weights", required_argument, NULL, 'f' },
		{ "info", required_argument, NULL, 'I' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct ascendsim_mdl_info *info = calloc(1, sizeof(*info));
	const char *out_path = NULL, *weights_path = NULL;
	uint64_t seed = 1, work_size = 0, weight_size = 0, channels = 3;
	uint8_t *weights = NULL, *image = NULL;
	size_t len = 0, need;
	FILE *f = NULL;
	int ret = 2, c;

	if (info == NULL)
		return 1;
	while ((c = getopt_long(argc, argv, "o:i:O:c:w:W:s:f:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out_path = optarg;
			break;
		case 'i':
		case 'O': {
			uint32_t *n = c == 'i' ? &info->num_inputs : &info->num_outputs;
			struct ascendsim_mdl_tensor *t = c == 'i' ? info->inputs : info->outputs;
			if (*n == ASCENDSIM_MDL_MAX_TENSORS || parse_tensor(optarg, &t[*n]) != 0) {
				fprintf(stderr,
					"ascendsim-mkmodel: bad tensor '%s' (NAME:SIZE[:DIMS], "
					"at most %u)\n",
					optarg, ASCENDSIM_MDL_MAX_TENSORS);
				goto out;
			}
			(*n)++;
			break;
		}
		case 'c':
		case 'w':
		case 'W':
		case 's': {
			uint64_t *v = c == 'c'	 ? &channels
				      : c == 'w' ? &work_size
				      : c == 'W' ? &weight_size
						 : &seed;
			if (parse_u64(optarg, v) != 0) {
				fprintf(stderr, "ascendsim-mkmodel: bad number '%s' for -%c\n",
					optarg, c);
				goto out;
			}
			break;
		}
		case 'f':
			weights_path = optarg;
			break;
		case 'I':
			ret = describe(optarg);
			goto out;
		case 'h':
			usage(stdout);
			ret = 0;
			goto out;
		default:
			usage(stderr);
			goto out;
		}
	}
	if (out_path == NULL || info->num_inputs == 0 || info->num_outputs == 0 || optind != argc) {
		usage(stderr);
		goto out;
	}
	if (channels == 0 || channels > ASCENDSIM_MDL_MAX_CHANNELS) {
		fprintf(stderr, "ascendsim-mkmodel: channels must be 1..%u, not %" PRIu64 "\n",
			ASCENDSIM_MDL_MAX_CHANNELS, channels);
		goto out;
	}
	info->compute = ASCENDSIM_MDL_COMPUTE_STATS;
	info->channels = (uint32_t)channels;
	if (weights_path != NULL) {
		weights = read_file(weights_path, &weight_size);
		if (weights == NULL) {
			ret = 1;
			goto out;
		}
	} else if (weight_size > 0) {
		if (weight_size > ((uint64_t)1 << 31)) {
			fprintf(stderr, "ascendsim-mkmodel: weight size %" PRIu64 " too large\n",
				weight_size);
			goto out;
		}
		weights = malloc((size_t)weight_size);
		if (weights == NULL) {
			ret = 1;
			goto out;
		}
		fill_weights(weights, weight_size, seed);
	}
	info->weight_size = weight_size;
	need = ascendsim_mdl_result_size(info);
	info->work_size = work_size ? work_size : ALIGN_UP(need, 32u);
	if (info->work_size < need) {
		fprintf(stderr,
			"ascendsim-mkmodel: work size %" PRIu64 " below the %zu bytes the "
			"result record needs\n",
			info->work_size, need);
		goto out;
	}
	image = ascendsim_mdl_serialize(info, weights, &len);
	if (image == NULL) {
		fprintf(stderr, "ascendsim-mkmodel: cannot build the model (bad description)\n");
		goto out;
	}
	f = fopen(out_path, "wb");
	if (f == NULL || fwrite(image, 1, len, f) != len || fclose(f) != 0) {
		fprintf(stderr, "ascendsim-mkmodel: cannot write %s: %s\n", out_path,
			strerror(errno));
		f = NULL;
		ret = 1;
		goto out;
	}
	f = NULL;
	ret = 0;
out:
	if (f != NULL)
		fclose(f);
	free(image);
	free(weights);
	free(info);
	return ret;
}
