/* SPDX-License-Identifier: MIT */
/*
 * Writes the demo's input picture: a 320x240 colour test card encoded with libjpeg (4:2:0,
 * quality 90). Run at build time so the repository carries no binary image.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* clang-format off: jpeglib.h needs stdio.h first */
#include <jpeglib.h>
/* clang-format on */

#define WIDTH  320
#define HEIGHT 240

static void pixel(unsigned x, unsigned y, unsigned char *rgb)
{
	/* Colour bars on top, a smooth radial pattern below. */
	static const unsigned char bars[8][3] = { { 255, 255, 255 }, { 255, 255, 0 },
						  { 0, 255, 255 },   { 0, 255, 0 },
						  { 255, 0, 255 },   { 255, 0, 0 },
						  { 0, 0, 255 },     { 16, 16, 16 } };
	double dx, dy, r;

	if (y < HEIGHT / 3) {
		const unsigned char *b = bars[x * 8 / WIDTH];

		rgb[0] = b[0];
		rgb[1] = b[1];
		rgb[2] = b[2];
		return;
	}
	dx = (double)x - WIDTH / 2.0;
	dy = (double)y - HEIGHT * 2.0 / 3.0;
	r = sqrt(dx * dx + dy * dy);
	rgb[0] = (unsigned char)(127.5 + 127.5 * sin(r / 8.0));
	rgb[1] = (unsigned char)(255.0 * x / WIDTH);
	rgb[2] = (unsigned char)(255.0 * (HEIGHT - y) / HEIGHT);
}

int main(int argc, char **argv)
{
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	unsigned char row[WIDTH * 3];
	FILE *out;

	if (argc != 2) {
		fprintf(stderr, "usage: %s OUTPUT.jpg\n", argv[0]);
		return 2;
	}
	out = fopen(argv[1], "wb");
	if (!out) {
		perror(argv[1]);
		return 1;
	}
	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_stdio_dest(&c, out);
	c.image_width = WIDTH;
	c.image_height = HEIGHT;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 90, TRUE);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < HEIGHT) {
		JSAMPROW rows[1] = { row };

		for (unsigned x = 0; x < WIDTH; x++)
			pixel(x, c.next_scanline, row + x * 3);
		jpeg_write_scanlines(&c, rows, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	if (fclose(out) != 0) {
		perror(argv[1]);
		return 1;
	}
	return 0;
}
