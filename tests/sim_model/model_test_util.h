/* SPDX-License-Identifier: MIT */
/*
 * Helpers of the model tests: reading model files and an independent reference of the
 * simulator's "stats" computation (docs/simulator-models.md), written from the documentation.
 */
#ifndef ACLTRACE_MODEL_TEST_UTIL_H
#define ACLTRACE_MODEL_TEST_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Reads a whole file (malloc'ed); NULL on failure. */
uint8_t *acltrace_test_read_file(const char *path, size_t *len);

/* The weights payload of a model image: its last weight_size bytes. */
const uint8_t *acltrace_test_model_weights(const uint8_t *image, size_t len, size_t weight_size);

uint32_t acltrace_test_fnv1a(const uint8_t *p, size_t n);

/*
 * The result record for inputs[i] of sizes[i] bytes, channels channels and the given weights.
 * Writes at most cap bytes to rec, returns the record length.
 */
size_t acltrace_test_expected_record(const uint8_t *const *inputs, const size_t *sizes,
				     size_t num_inputs, unsigned channels, const uint8_t *weights,
				     size_t weight_size, uint8_t *rec, size_t cap);

/* Whether out (size bytes) is the record repeated and cut to size. */
int acltrace_test_output_matches(const uint8_t *out, size_t size, const uint8_t *rec,
				 size_t rec_len);

/* Directory holding the model files the fixture made (argv[1] of the test programs). */
extern const char *acltrace_test_model_dir;
/* dir/name in a static buffer. */
const char *acltrace_test_model_path(const char *name);

#endif
