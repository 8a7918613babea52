/* SPDX-License-Identifier: MIT */
#include "acltrace_options.h"

#include "acltrace_log.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

extern char **environ;

enum opt_type { OPT_BOOL, OPT_INT, OPT_STRING, OPT_MODE };
#define OPT_TYPE_BOOL	OPT_BOOL
#define OPT_TYPE_INT	OPT_INT
#define OPT_TYPE_STRING OPT_STRING
#define OPT_TYPE_MODE	OPT_MODE

struct acltrace_option {
	const char *name;
	enum opt_type type;
	const char *def;
	long min;
	long max;
	const char *help;
	long value;	 /* BOOL, INT, MODE */
	const char *str; /* STRING: points into environ or at def */
	bool from_env;
};

static struct acltrace_option acltrace_options[ACLTRACE_OPT_COUNT] = {
#define ACLTRACE_OPTION(id, ty, d, mn, mx, h)            \
	[ACLTRACE_OPT_##id] = { .name = "ACLTRACE_" #id, \
				.type = OPT_TYPE_##ty,   \
				.def = d,                \
				.min = mn,               \
				.max = mx,               \
				.help = h },
#include "acltrace_options.def"
#undef ACLTRACE_OPTION
};

static const char *env_lookup(const char *name)
{
	size_t n = strlen(name);

	for (char **e = environ; e && *e; e++) {
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	}
	return NULL;
}

static bool parse_bool(const char *s, long *out)
{
	static const char *const yes[] = { "1", "yes", "on", "true" };
	static const char *const no[] = { "0", "no", "off", "false" };

	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = 1;
			return true;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = 0;
			return true;
		}
	}
	return false;
}

static bool parse_int(const char *s, long min, long max, long *out)
{
	long v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > max)
			return false;
		v = v * 10 + (*s - '0');
	}
	if (v < min || v > max)
		return false;
	*out = v;
	return true;
}

static bool parse_mode(const char *s, long *out)
{
	if (strcmp(s, "observe") == 0)
		*out = ACLTRACE_MODE_OBSERVE;
	else if (strcmp(s, "enforce") == 0)
		*out = ACLTRACE_MODE_ENFORCE;
	else
		return false;
	return true;
}

static bool parse_value(struct acltrace_option *o, const char *s)
{
	switch (o->type) {
	case OPT_BOOL:
		return parse_bool(s, &o->value);
	case OPT_INT:
		return parse_int(s, o->min, o->max, &o->value);
	case OPT_MODE:
		return parse_mode(s, &o->value);
	case OPT_STRING:
		o->str = s;
		return true;
	}
	return false;
}

static const char *expected(const struct acltrace_option *o, char *mem, size_t cap)
{
	struct acltrace_buf b;

	acltrace_buf_init(&b, mem, cap);
	switch (o->type) {
	case OPT_BOOL:
		return "1/0, yes/no, on/off or true/false";
	case OPT_MODE:
		return "observe or enforce";
	case OPT_INT:
		acltrace_buf_printf(&b, "a decimal number in [%ld, %ld]", o->min, o->max);
		return mem;
	case OPT_STRING:
		break;
	}
	return "a string";
}

static bool known_option(const char *var)
{
	for (unsigned i = 0; i < ACLTRACE_OPT_COUNT; i++) {
		size_t n = strlen(acltrace_options[i].name);
		if (strncmp(var, acltrace_options[i].name, n) == 0 && var[n] == '=')
			return true;
	}
	return false;
}

void acltrace_options_parse(void)
{
	char tmp[64];

	for (unsigned i = 0; i < ACLTRACE_OPT_COUNT; i++) {
		struct acltrace_option *o = &acltrace_options[i];
		const char *s = env_lookup(o->name);

		parse_value(o, o->def); /* defaults always parse */
		o->from_env = false;
		if (!s)
			continue;
		if (parse_value(o, s)) {
			o->from_env = true;
			continue;
		}
		acltrace_warn("%s='%s' is not valid (expected %s); using the default '%s'", o->name,
			      s, expected(o, tmp, sizeof(tmp)), o->def);
		parse_value(o, o->def);
	}
	for (char **e = environ; e && *e; e++) {
		if (strncmp(*e, "ACLTRACE_", 9) == 0 && !known_option(*e)) {
			const char *eq = strchr(*e, '=');
			int n = eq ? (int)(eq - *e) : (int)strlen(*e);
			char name[128];
			struct acltrace_buf b;

			acltrace_buf_init(&b, name, sizeof(name));
			for (int k = 0; k < n; k++)
				acltrace_buf_printf(&b, "%c", (*e)[k]);
			acltrace_warn("unknown option %s ignored", name);
		}
	}
}

long acltrace_option_int(enum acltrace_option_id id)
{
	return acltrace_options[id].value;
}

const char *acltrace_option_str(enum acltrace_option_id id)
{
	return acltrace_options[id].str ? acltrace_options[id].str : "";
}

void acltrace_options_dump(void)
{
	char mem[1024];
	struct acltrace_buf b;

	for (unsigned i = 0; i < ACLTRACE_OPT_COUNT; i++) {
		const struct acltrace_option *o = &acltrace_options[i];

		acltrace_buf_init(&b, mem, sizeof(mem));
		acltrace_buf_printf(&b, "acltrace: option %-24s = ", o->name);
		switch (o->type) {
		case OPT_BOOL:
		case OPT_INT:
			acltrace_buf_printf(&b, "%ld", o->value);
			break;
		case OPT_MODE:
			acltrace_buf_printf(
			    &b, "%s", o->value == ACLTRACE_MODE_ENFORCE ? "enforce" : "observe");
			break;
		case OPT_STRING:
			acltrace_buf_printf(&b, "'%s'",
					    acltrace_option_str((enum acltrace_option_id)i));
			break;
		}
		acltrace_buf_printf(&b, " (%s; default '%s')\n", o->from_env ? "set" : "default",
				    o->def);
		acltrace_log_flush_buf(&b);
	}
}
