/* SPDX-License-Identifier: MIT */
/*
 * One capture session through liblttng-ctl. Two channels (docs/trace-format.md): `meta` for the
 * definitions and LTTng's statedump, never overwritten, and `events` for the hot events. Every
 * acltrace event is filtered on the run id so concurrent runs never record each other.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "acltrace_cli.h"

#include <errno.h>
#include <lttng/lttng.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ACLTRACE_SUBBUFS	 4u
#define ACLTRACE_META_SUBBUF	 (256u << 10)
#define ACLTRACE_SNAP_META_SUB	 (1u << 20)
#define ACLTRACE_BLOCK_US	 1000000
#define ACLTRACE_DESTROY_WAIT_MS 30000

static const char *const acltrace_meta_events[] = {
	"acltrace:process",
	"acltrace:pool",
	"acltrace:api",
	"acltrace:stack",
};

/*
 * Every other event of the provider, by name: a wildcard with exclusions would be shorter, but
 * `lttng list` of such a session crashes lttng-sessiond 2.13.9, and the daemon is shared.
 */
static const char *const acltrace_hot_events[] = {
	"acltrace:lifecycle",	"acltrace:alloc",	"acltrace:free",    "acltrace:use",
	"acltrace:task_submit", "acltrace:task_retire", "acltrace:finding",
};

static uint64_t acltrace_pow2_floor(uint64_t v)
{
	uint64_t p = 1;
	while (p * 2 <= v)
		p *= 2;
	return p;
}

static uint64_t acltrace_subbuf_size(uint64_t per_cpu)
{
	uint64_t sub = acltrace_pow2_floor(per_cpu / ACLTRACE_SUBBUFS);
	long page = sysconf(_SC_PAGESIZE);
	return sub < (uint64_t)page ? (uint64_t)page : sub;
}

static int acltrace_lttng_fail(const char *what, const struct acltrace_session *s, int ret)
{
	acltrace_err("%s failed for session %s: %s", what, s->name,
		     lttng_strerror(ret < 0 ? ret : -ret));
	return -1;
}

static int acltrace_enable_channel(struct lttng_handle *h, struct lttng_domain *dom,
				   const char *name, bool overwrite, uint64_t subbuf,
				   const struct acltrace_run_opts *opts,
				   const struct acltrace_session *s)
{
	struct lttng_channel *chan = lttng_channel_create(dom);
	int ret;
	if (!chan) {
		acltrace_err("cannot allocate channel %s", name);
		return -1;
	}
	snprintf(chan->name, sizeof(chan->name), "%s", name);
	chan->enabled = 1;
	chan->attr.overwrite = overwrite ? 1 : 0;
	chan->attr.subbuf_size = subbuf;
	chan->attr.num_subbuf = ACLTRACE_SUBBUFS;
	chan->attr.output = LTTNG_EVENT_MMAP;
	if (opts->no_loss && lttng_channel_set_blocking_timeout(chan, ACLTRACE_BLOCK_US) != 0) {
		lttng_channel_destroy(chan);
		acltrace_err("cannot set the blocking timeout of channel %s", name);
		return -1;
	}
	ret = lttng_enable_channel(h, chan);
	lttng_channel_destroy(chan);
	if (ret < 0) {
		acltrace_err(
		    "enabling channel %s (%llu x %u bytes per CPU) failed for session %s: %s", name,
		    (unsigned long long)subbuf, ACLTRACE_SUBBUFS, s->name, lttng_strerror(ret));
		return -1;
	}
	return 0;
}

static int acltrace_enable(struct lttng_handle *h, const char *pattern, const char *channel,
			   const char *filter, const struct acltrace_session *s)
{
	struct lttng_event *ev = lttng_event_create();
	if (!ev)
		return -1;
	snprintf(ev->name, sizeof(ev->name), "%s", pattern);
	ev->type = LTTNG_EVENT_TRACEPOINT;
	ev->loglevel_type = LTTNG_EVENT_LOGLEVEL_ALL;
	ev->loglevel = -1;
	int ret = lttng_enable_event_with_filter(h, ev, channel, filter);
	lttng_event_destroy(ev);
	if (ret < 0) {
		acltrace_err("enabling %s in channel %s failed for session %s: %s", pattern,
			     channel, s->name, lttng_strerror(ret));
		return -1;
	}
	return 0;
}

static int acltrace_add_ctx(struct lttng_handle *h, enum lttng_event_context_type type,
			    const char *channel, const struct acltrace_session *s)
{
	struct lttng_event_context ctx;
	memset(&ctx, 0, sizeof(ctx));
	ctx.ctx = type;
	int ret = lttng_add_context(h, &ctx, NULL, channel);
	if (ret < 0) {
		acltrace_err("adding context %d to channel %s failed for session %s: %s", (int)type,
			     channel, s->name, lttng_strerror(ret));
		return -1;
	}
	return 0;
}

/* Snapshot on every error finding of this run (an LTTng 2.13 trigger). */
static int acltrace_add_snapshot_trigger(struct acltrace_session *s)
{
	char filter[96];
	struct lttng_event_rule *rule = lttng_event_rule_user_tracepoint_create();
	struct lttng_condition *cond = NULL;
	struct lttng_action *action = NULL;
	enum lttng_error_code ec;
	int rc = -1;

	snprintf(filter, sizeof(filter), "run == %u && severity == 1", s->run_id);
	if (!rule ||
	    lttng_event_rule_user_tracepoint_set_name_pattern(rule, "acltrace:finding") !=
		LTTNG_EVENT_RULE_STATUS_OK ||
	    lttng_event_rule_user_tracepoint_set_filter(rule, filter) != LTTNG_EVENT_RULE_STATUS_OK)
		goto end;
	cond = lttng_condition_event_rule_matches_create(rule);
	action = lttng_action_snapshot_session_create();
	if (!cond || !action ||
	    lttng_action_snapshot_session_set_session_name(action, s->name) !=
		LTTNG_ACTION_STATUS_OK)
		goto end;
	s->trigger = lttng_trigger_create(cond, action);
	if (!s->trigger)
		goto end;
	ec = lttng_register_trigger_with_automatic_name(s->trigger);
	if (ec != LTTNG_OK) {
		acltrace_err("registering the snapshot-on-error trigger failed for session %s: %s",
			     s->name, lttng_strerror(-(int)ec));
		lttng_trigger_destroy(s->trigger);
		s->trigger = NULL;
		goto end;
	}
	rc = 0;
end:
	if (rc != 0 && !s->trigger)
		acltrace_err("cannot build the snapshot-on-error trigger for session %s", s->name);
	lttng_action_destroy(action);
	lttng_condition_destroy(cond);
	lttng_event_rule_destroy(rule);
	return rc;
}

/* /dev/shm must hold every per-CPU buffer, or LTTng silently records nothing. */
static int acltrace_choose_shm(struct acltrace_session *s, const struct acltrace_run_opts *opts,
			       uint64_t per_cpu)
{
	const char *base = opts->shm_path;
	uint64_t need = per_cpu * acltrace_possible_cpus();
	if (!base) {
		uint64_t avail = acltrace_fs_avail("/dev/shm");
		/* Half the free space at most: other sessions and programs use it too. */
		if (avail != 0 && need <= avail / 2)
			return 0;
		const char *tmp = getenv("TMPDIR");
		base = tmp && *tmp ? tmp : "/var/tmp";
		acltrace_info(opts,
			      "/dev/shm has %llu MiB free, the buffers need %llu MiB: keeping them "
			      "in files under %s",
			      (unsigned long long)(avail >> 20), (unsigned long long)(need >> 20),
			      base);
	}
	char templ[4096];
	acltrace_remove_stale(base, "acltrace-shm.");
	snprintf(templ, sizeof(templ), "%s/acltrace-shm.%d.XXXXXX", base, (int)getpid());
	if (acltrace_mkdir_p(base) != 0 || !mkdtemp(templ)) {
		acltrace_err("cannot create a buffer directory under %s: %s", base,
			     strerror(errno));
		return -1;
	}
	s->shm_dir = strdup(templ);
	return s->shm_dir ? 0 : -1;
}

static int acltrace_prepare_out_dir(struct acltrace_session *s, const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			acltrace_err("output %s exists and is not a directory", dir);
			return -1;
		}
		char meta[4200];
		snprintf(meta, sizeof(meta), "%s/ust", dir);
		if (access(meta, F_OK) == 0) {
			acltrace_err(
			    "output directory %s already holds a trace; choose another with -o",
			    dir);
			return -1;
		}
	} else if (acltrace_mkdir_p(dir) != 0) {
		acltrace_err("cannot create output directory %s: %s", dir, strerror(errno));
		return -1;
	}
	s->out_dir = realpath(dir, NULL);
	if (!s->out_dir) {
		acltrace_err("cannot resolve output directory %s: %s", dir, strerror(errno));
		return -1;
	}
	return 0;
}

int acltrace_session_setup(struct acltrace_session *s, const struct acltrace_run_opts *opts)
{
	struct lttng_domain dom;
	struct lttng_handle *h = NULL;
	char filter[32];
	int rc = -1, ret;

	if (acltrace_prepare_out_dir(s, opts->out_dir) != 0)
		return -1;
	s->snapshot = opts->snapshot;
	uint64_t ev_sub =
	    acltrace_subbuf_size(opts->snapshot ? opts->snapshot_size : opts->buffer_size);
	uint64_t meta_sub = opts->snapshot ? ACLTRACE_SNAP_META_SUB : ACLTRACE_META_SUBBUF;
	if (acltrace_choose_shm(s, opts, (ev_sub + meta_sub) * ACLTRACE_SUBBUFS) != 0)
		return -1;

	snprintf(s->name, sizeof(s->name), "acltrace-%08x-%d", s->run_id, (int)getpid());
	struct lttng_session_descriptor *desc =
	    opts->snapshot ? lttng_session_descriptor_snapshot_local_create(s->name, s->out_dir)
			   : lttng_session_descriptor_local_create(s->name, s->out_dir);
	if (!desc) {
		acltrace_err("cannot describe session %s", s->name);
		return -1;
	}
	enum lttng_error_code ec = lttng_create_session_ext(desc);
	lttng_session_descriptor_destroy(desc);
	if (ec != LTTNG_OK)
		return acltrace_lttng_fail("creating the session", s, -(int)ec);
	s->created = true;
	if (s->shm_dir) {
		ret = lttng_set_session_shm_path(s->name, s->shm_dir);
		if (ret < 0)
			return acltrace_lttng_fail("setting the buffer path", s, ret);
	}

	memset(&dom, 0, sizeof(dom));
	dom.type = LTTNG_DOMAIN_UST;
	dom.buf_type = LTTNG_BUFFER_PER_UID;
	h = lttng_create_handle(s->name, &dom);
	if (!h) {
		acltrace_err("cannot create a handle for session %s", s->name);
		return -1;
	}
	snprintf(filter, sizeof(filter), "run == %u", s->run_id);

	if (acltrace_enable_channel(h, &dom, "meta", false, meta_sub, opts, s) != 0 ||
	    acltrace_enable_channel(h, &dom, "events", opts->snapshot, ev_sub, opts, s) != 0)
		goto end;
	for (size_t i = 0; i < sizeof(acltrace_meta_events) / sizeof(acltrace_meta_events[0]); i++)
		if (acltrace_enable(h, acltrace_meta_events[i], "meta", filter, s) != 0)
			goto end;
	/*
	 * A snapshot cuts each channel at a slightly different moment while the program runs: a
	 * reference just after the events cut could miss a definition made just after the meta
	 * cut. Definitions then also go to the events channel, next to their first references.
	 */
	for (size_t i = 0;
	     opts->snapshot && i < sizeof(acltrace_meta_events) / sizeof(acltrace_meta_events[0]);
	     i++)
		if (acltrace_enable(h, acltrace_meta_events[i], "events", filter, s) != 0)
			goto end;
	for (size_t i = 0; i < sizeof(acltrace_hot_events) / sizeof(acltrace_hot_events[0]); i++)
		if (acltrace_enable(h, acltrace_hot_events[i], "events", filter, s) != 0)
			goto end;
	if (acltrace_enable(h, "lttng_ust_statedump:*", "meta", NULL, s) != 0 ||
	    acltrace_enable(h, "lttng_ust_dl:*", "meta", NULL, s) != 0)
		goto end;
	if (acltrace_add_ctx(h, LTTNG_EVENT_CONTEXT_VPID, "meta", s) != 0 ||
	    acltrace_add_ctx(h, LTTNG_EVENT_CONTEXT_VTID, "meta", s) != 0 ||
	    acltrace_add_ctx(h, LTTNG_EVENT_CONTEXT_PROCNAME, "meta", s) != 0 ||
	    acltrace_add_ctx(h, LTTNG_EVENT_CONTEXT_VPID, "events", s) != 0 ||
	    acltrace_add_ctx(h, LTTNG_EVENT_CONTEXT_VTID, "events", s) != 0)
		goto end;
	if (opts->snapshot && acltrace_add_snapshot_trigger(s) != 0)
		goto end;
	ret = lttng_start_tracing(s->name);
	if (ret < 0) {
		acltrace_lttng_fail("starting", s, ret);
		goto end;
	}
	rc = 0;
end:
	lttng_destroy_handle(h);
	return rc;
}

int acltrace_session_snapshot(struct acltrace_session *s)
{
	if (!s->snapshot)
		return 0;
	/* Load addresses of everything mapped now, so the snapshot can be symbolized alone. */
	int ret = lttng_regenerate_statedump(s->name);
	if (ret < 0)
		acltrace_lttng_fail("regenerating the statedump", s, ret);
	ret = lttng_snapshot_record(s->name, NULL, 1);
	if (ret < 0)
		return acltrace_lttng_fail("recording a snapshot", s, ret);
	s->snapshots++;
	return 0;
}

static void acltrace_read_discards(struct acltrace_session *s)
{
	struct lttng_domain dom;
	struct lttng_channel *chans = NULL;
	memset(&dom, 0, sizeof(dom));
	dom.type = LTTNG_DOMAIN_UST;
	dom.buf_type = LTTNG_BUFFER_PER_UID;
	struct lttng_handle *h = lttng_create_handle(s->name, &dom);
	if (!h)
		return;
	int n = lttng_list_channels(h, &chans);
	for (int i = 0; i < n; i++) {
		uint64_t v = 0;
		if (lttng_channel_get_discarded_event_count(&chans[i], &v) == 0)
			s->discarded_events += v;
		v = 0;
		if (lttng_channel_get_lost_packet_count(&chans[i], &v) == 0)
			s->lost_packets += v;
	}
	free(chans);
	lttng_destroy_handle(h);
}

int acltrace_session_finish(struct acltrace_session *s, const struct acltrace_run_opts *opts)
{
	int rc = 0;
	(void)opts;
	if (s->trigger) {
		lttng_unregister_trigger(s->trigger);
		lttng_trigger_destroy(s->trigger);
		s->trigger = NULL;
	}
	if (s->created) {
		int ret = lttng_stop_tracing(s->name);
		if (ret < 0 && ret != -LTTNG_ERR_TRACE_ALREADY_STOPPED) {
			acltrace_lttng_fail("stopping", s, ret);
			rc = -1;
		}
		acltrace_read_discards(s);
		struct lttng_destruction_handle *dh = NULL;
		enum lttng_error_code ec = lttng_destroy_session_ext(s->name, &dh);
		if (ec != LTTNG_OK) {
			acltrace_lttng_fail("destroying", s, -(int)ec);
			rc = -1;
		} else {
			enum lttng_destruction_handle_status st =
			    lttng_destruction_handle_wait_for_completion(dh,
									 ACLTRACE_DESTROY_WAIT_MS);
			enum lttng_error_code result = LTTNG_OK;
			if (st != LTTNG_DESTRUCTION_HANDLE_STATUS_COMPLETED ||
			    lttng_destruction_handle_get_result(dh, &result) !=
				LTTNG_DESTRUCTION_HANDLE_STATUS_OK ||
			    result != LTTNG_OK) {
				acltrace_err("session %s did not finish cleanly (status %d, %s)",
					     s->name, (int)st, lttng_strerror(-(int)result));
				rc = -1;
			}
		}
		lttng_destruction_handle_destroy(dh);
		s->created = false;
	}
	if (s->shm_dir) {
		acltrace_rm_rf(s->shm_dir);
		free(s->shm_dir);
		s->shm_dir = NULL;
	}
	return rc;
}
