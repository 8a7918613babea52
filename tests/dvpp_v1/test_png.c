/* SPDX-License-Identifier: MIT */
/* PNG through DVPP V1: a PNG written here with libpng decodes to the same RGB pixels. */
#include "v1_cmocka.h"
#include "v1_util.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>

#define W 90
#define H 60

static void test_png_decode(void **state)
{
	struct v1_env env;
	png_image img;
	uint8_t rgb[W * H * 3];
	png_alloc_size_t len = 0;
	void *png = NULL, *out = NULL;
	uint32_t w, h, size;
	int32_t comps;
	acldvppPicDesc *desc;
	uint32_t ws;

	(void)state;
	for (uint32_t i = 0; i < sizeof(rgb); i++)
		rgb[i] = (uint8_t)(i * 7 + i / 270);
	memset(&img, 0, sizeof(img));
	img.version = PNG_IMAGE_VERSION;
	img.width = W;
	img.height = H;
	img.format = PNG_FORMAT_RGB;
	assert_true(png_image_write_get_memory_size(img, len, 0, rgb, 0, NULL));
	v1_setup(&env);
	assert_int_equal(acldvppMalloc(&png, len), ACL_SUCCESS);
	assert_true(png_image_write_to_memory(&img, png, &len, 0, rgb, 0, NULL));
	assert_int_equal(acldvppPngGetImageInfo(png, (uint32_t)len, &w, &h, &comps), ACL_SUCCESS);
	assert_int_equal(w, W);
	assert_int_equal(h, H);
	assert_int_equal(comps, 3);
	assert_int_equal(acldvppPngPredictDecSize(png, (uint32_t)len, PIXEL_FORMAT_RGB_888, &size),
			 ACL_SUCCESS);
	assert_int_equal(acldvppMalloc(&out, size), ACL_SUCCESS);
	desc = acldvppCreatePicDesc();
	acldvppSetPicDescData(desc, out);
	acldvppSetPicDescSize(desc, size);
	acldvppSetPicDescFormat(desc, PIXEL_FORMAT_RGB_888);
	assert_int_equal(acldvppPngDecodeAsync(env.channel, png, (uint32_t)len, desc, env.stream),
			 ACL_SUCCESS);
	assert_int_equal(aclrtSynchronizeStream(env.stream), ACL_SUCCESS);
	assert_int_equal(acldvppGetPicDescWidth(desc), W);
	ws = acldvppGetPicDescWidthStride(desc);
	assert_true(ws >= W * 3);
	for (uint32_t y = 0; y < H; y++)
		assert_memory_equal((uint8_t *)out + (size_t)y * ws, rgb + y * W * 3, W * 3);
	/* Input outside DVPP memory. */
	assert_int_equal(acldvppPngDecodeAsync(env.channel, rgb, sizeof(rgb), desc, env.stream),
			 ACL_ERROR_INVALID_PARAM);
	acldvppDestroyPicDesc(desc);
	acldvppFree(out);
	acldvppFree(png);
	v1_teardown(&env);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_png_decode),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
