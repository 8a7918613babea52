/* SPDX-License-Identifier: MIT */
/*
 * Leaks by growth: a service that never exits still leaks when the lowest live bytes of a site in
 * each time window keep rising. Each site keeps the floor of ACLTRACE_GROWTH_WINDOWS windows;
 * when time runs past the last window, every window doubles in width and neighbours merge, so
 * memory per site is fixed whatever the trace length.
 */
#include "acltrace_model_internal.h"

#include <inttypes.h>
#include <stdio.h>

#define INITIAL_WIDTH_NS 1000000ull /* 1 ms */

static void merge_site(struct acltrace_site *s)
{
	if (s->first_win == UINT32_MAX)
		return;
	uint32_t nf = s->first_win / 2, nl = s->last_win / 2;
	for (uint32_t i = nf; i <= nl; i++) {
		uint64_t v = UINT64_MAX;
		for (uint32_t k = 2 * i; k <= 2 * i + 1; k++)
			if (k >= s->first_win && k <= s->last_win && s->floors[k] < v)
				v = s->floors[k];
		s->floors[i] = v;
	}
	s->first_win = nf;
	s->last_win = nl;
}

static uint32_t window_of(struct acltrace_model *m, uint64_t time_ns)
{
	if (!m->win_started) {
		m->win_started = true;
		m->win_origin = time_ns;
		m->win_width = INITIAL_WIDTH_NS;
	}
	if (time_ns < m->win_origin)
		return 0; /* out-of-order event: count it in the first window */
	uint64_t w = (time_ns - m->win_origin) / m->win_width;
	while (w >= ACLTRACE_GROWTH_WINDOWS) {
		m->win_width *= 2;
		for (struct acltrace_site *s = m->site_list; s; s = s->next_all)
			merge_site(s);
		w = (time_ns - m->win_origin) / m->win_width;
	}
	return (uint32_t)w;
}

void acltrace_growth_update(struct acltrace_model *m, struct acltrace_site *s, uint64_t time_ns,
			    uint64_t old_live, uint64_t new_live)
{
	uint32_t w = window_of(m, time_ns);
	if (s->first_win == UINT32_MAX) {
		s->first_win = s->last_win = w;
		s->floors[w] = 0; /* nothing was live before the site's first allocation */
	}
	if (w < s->last_win)
		w = s->last_win; /* out of order: fold into the current window */
	/* windows without events hold the value live since the previous event */
	for (uint32_t k = s->last_win + 1; k <= w; k++)
		s->floors[k] = old_live;
	s->last_win = w;
	if (new_live < s->floors[w])
		s->floors[w] = new_live;
}

void acltrace_growth_finish(struct acltrace_model *m)
{
	if (!m->win_started)
		return;
	uint64_t duration = m->stats.last_time_ns - m->win_origin;
	if (duration < m->cfg.growth_min_duration_ns)
		return;
	uint32_t last = window_of(m, m->stats.last_time_ns);
	char a[64], b[64];

	for (struct acltrace_site *s = m->site_list; s; s = s->next_all) {
		if (s->leak_reported || s->live_bytes == 0 || s->first_win == UINT32_MAX)
			continue;
		uint32_t from = s->first_win + 1; /* the first window starts from zero */
		if (last < from || last - from + 1 < m->cfg.growth_min_windows)
			continue;
		/* carry the live value through windows after the site's last event */
		uint64_t prev = UINT64_MAX, first_floor = 0, cur = 0;
		uint32_t rises = 0, steps = 0;
		bool monotonic = true;
		for (uint32_t k = from; k <= last; k++) {
			if (k > s->last_win)
				cur = s->live_bytes;
			else
				cur = s->floors[k];
			if (prev == UINT64_MAX) {
				first_floor = cur;
			} else {
				steps++;
				if (cur < prev) {
					monotonic = false;
					break;
				}
				rises += cur > prev;
			}
			prev = cur;
		}
		if (!monotonic || cur <= first_floor || rises * 2 < steps)
			continue;
		struct acltrace_finding *f = acltrace_model_add_finding(
		    m, s->proc, ACLTRACE_FINDING_LEAK, ACLTRACE_SEVERITY_ERROR, s->stack_id,
		    s->stack_id != 0, m->stats.last_time_ns, false);
		if (!f)
			return;
		if (f->leak_when != ACLTRACE_LEAK_NONE && f->count)
			continue;
		f->leak_when = ACLTRACE_LEAK_GROWTH;
		s->growing = true;
		f->count = s->live_count;
		f->bytes = s->live_bytes;
		acltrace_format_bytes(a, sizeof(a), first_floor);
		acltrace_format_bytes(b, sizeof(b), cur);
		snprintf(
		    f->message, sizeof(f->message),
		    "live memory of this site grows steadily: its low point rose from %s to %s "
		    "over %.1f s (%u of %u windows rising); %" PRIu64 " buffers live at the end",
		    a, b, (double)(m->stats.last_time_ns - m->win_origin) / 1e9, rises, steps,
		    s->live_count);
	}
}
