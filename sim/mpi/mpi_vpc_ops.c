/* SPDX-License-Identifier: MIT */
/*
 * VPC operations. Everything the user library checks is checked here, synchronously, with the
 * VPC module's codes; the pixel work is queued on the channel's worker.
 */
#include "mpi_vpc.h"

#include <inttypes.h>
#include <stdlib.h>

#define VPC_ERR(e)	MPI_ERR(HI_ID_VPC, e)
#define VPC_MAX_REGIONS 256 /* regions per call (crop, crop_resize, paste, batch) */

static hi_s32 prelude(const char *api, hi_vpc_chn chn, const void *source_pic, const void *task_id,
		      hi_s32 milli_sec)
{
	if (!source_pic)
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NULL_PTR), "source_pic is NULL");
	if (!task_id)
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NULL_PTR), "task_id is NULL");
	if (!ascendsim_mpi_valid_timeout(milli_sec))
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
					  "milli_sec %d is below -1", milli_sec);
	return ascendsim_vpc_check_chn(api, chn);
}

static hi_s32 interp_of(const char *api, hi_u32 interpolation, enum ascendsim_img_interp *out)
{
	/* 0: bilinear, 1: nearest neighbour (hi_vpc_resize_info). */
	if (interpolation > 1)
		return ascendsim_mpi_fail(
		    api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
		    "interpolation %u is neither 0 (bilinear) nor 1 (nearest)", interpolation);
	*out = interpolation ? ASCENDSIM_IMG_INTERP_NEAREST : ASCENDSIM_IMG_INTERP_BILINEAR;
	return HI_SUCCESS;
}

static hi_s32 check_src(const char *api, const hi_vpc_pic_info *pic, struct ascendsim_image *img)
{
	return ascendsim_mpi_check_pic(api, HI_ID_VPC, ASCENDSIM_IMG_API_V2_VPC, pic, false,
				       "source picture", img);
}

static hi_s32 check_dst(const char *api, const hi_vpc_pic_info *pic, struct ascendsim_image *img)
{
	if (!pic)
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NULL_PTR), "dest picture is NULL");
	return ascendsim_mpi_check_pic(api, HI_ID_VPC, ASCENDSIM_IMG_API_V2_VPC, pic, true,
				       "dest picture", img);
}

/* rect inside img, non-empty, even where img's chroma is subsampled. */
static hi_s32 check_rect(const char *api, const struct ascendsim_image *img,
			 const struct ascendsim_rect *r, const char *what)
{
	uint32_t sx = ascendsim_img_chroma_x(img->format), sy = ascendsim_img_chroma_y(img->format);

	if (!r->w || !r->h || (uint64_t)r->x + r->w > img->width ||
	    (uint64_t)r->y + r->h > img->height)
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
					  "%s (x %u, y %u, %ux%u) outside the %ux%u picture", what,
					  r->x, r->y, r->w, r->h, img->width, img->height);
	if (r->x % sx || r->w % sx || r->y % sy || r->h % sy)
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
					  "%s (x %u, y %u, %ux%u) not aligned to %ux%u for %s",
					  what, r->x, r->y, r->w, r->h, sx, sy,
					  ascendsim_img_format_name(img->format));
	return HI_SUCCESS;
}

static hi_s32 check_count(const char *api, hi_u32 count, const void *array)
{
	if (!array)
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NULL_PTR), "region array is NULL");
	if (count == 0 || count > VPC_MAX_REGIONS)
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
					  "count %u outside [1, %d]", count, VPC_MAX_REGIONS);
	return HI_SUCCESS;
}

static struct ascendsim_rect crop_rect(const hi_vpc_crop_region *r)
{
	return (struct ascendsim_rect){ r->left_offset, r->top_offset, r->crop_width,
					r->crop_height };
}

static hi_s32 submit(const char *api, hi_vpc_chn chn, struct ascendsim_vpc_task *task, hi_s32 ret,
		     hi_u32 *task_id)
{
	if (ret != HI_SUCCESS) {
		free(task);
		return ret;
	}
	return ascendsim_vpc_submit(api, chn, task, task_id);
}

static struct ascendsim_vpc_task *new_task(const char *api, size_t nops, hi_s32 *ret)
{
	struct ascendsim_vpc_task *t = ascendsim_vpc_task_new(nops);

	if (!t)
		*ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NO_MEM), "no memory for %zu regions",
					  nops);
	return t;
}

/*
 * The calls with one source and one dest picture: checks the arguments in the user library's
 * order and returns a one-operation task. NULL (with *ret) when there is nothing to queue;
 * otherwise *ret may be an error and the caller hands the task to submit, which frees it.
 */
static struct ascendsim_vpc_task *one_op_task(const char *api, hi_vpc_chn chn,
					      const hi_vpc_pic_info *source_pic,
					      const hi_vpc_pic_info *dest_pic, hi_u32 interpolation,
					      hi_u32 *task_id, hi_s32 milli_sec, hi_s32 *ret)
{
	struct ascendsim_vpc_task *t;
	struct ascendsim_vpc_op *op;

	if ((*ret = prelude(api, chn, source_pic, task_id, milli_sec)) != HI_SUCCESS)
		return NULL;
	if (!(t = new_task(api, 1, ret)))
		return NULL;
	op = &t->ops[0];
	if ((*ret = interp_of(api, interpolation, &op->interp)) == HI_SUCCESS &&
	    (*ret = check_src(api, source_pic, &op->src)) == HI_SUCCESS)
		*ret = check_dst(api, dest_pic, &op->dst);
	return t;
}

MPI_EXPORT hi_s32 hi_mpi_vpc_resize(hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
				    hi_vpc_pic_info *dest_pic, hi_double fx, hi_double fy,
				    hi_u32 interpolation, hi_u32 *task_id, hi_s32 milli_sec)
{
	const char *api = "hi_mpi_vpc_resize";
	struct ascendsim_vpc_task *t = NULL;
	struct ascendsim_vpc_op *op;
	hi_s32 ret;

	/* The destination's width and height give the scale; fx and fy are not consulted. */
	if (!(t = one_op_task(api, chn, source_pic, dest_pic, interpolation, task_id, milli_sec,
			      &ret)))
		goto end;
	op = &t->ops[0];
	if (ret != HI_SUCCESS)
		goto submit;
	if (op->src.format != op->dst.format) {
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "resize keeps the format: source %s, dest %s",
					 ascendsim_img_format_name(op->src.format),
					 ascendsim_img_format_name(op->dst.format));
		goto submit;
	}
	op->src_rect = (struct ascendsim_rect){ 0, 0, op->src.width, op->src.height };
	op->dst_rect = (struct ascendsim_rect){ 0, 0, op->dst.width, op->dst.height };
submit:
	ret = submit(api, chn, t, ret, task_id);
end:
	ascendsim_mpi_log(api, ret,
			  "chn=%d, source_pic=%p, dest_pic=%p, fx=%g, fy=%g, interpolation=%u, "
			  "task_id=%p -> %u, milli_sec=%d",
			  chn, (const void *)source_pic, (void *)dest_pic, fx, fy, interpolation,
			  (void *)task_id, task_id && ret == HI_SUCCESS ? *task_id : 0, milli_sec);
	return ret;
}

/* Checks region k of an API's region array against src and fills op from it. */
typedef hi_s32 (*region_fn)(const char *api, const struct ascendsim_image *src, const void *regions,
			    hi_u32 k, struct ascendsim_vpc_op *op);

/*
 * The calls with one source picture and count regions: checks the arguments, builds one
 * operation a region and queues the task.
 */
static hi_s32 queue_regions(const char *api, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
			    const void *regions, hi_u32 count, region_fn fn, hi_u32 *task_id,
			    hi_s32 milli_sec)
{
	struct ascendsim_vpc_task *t;
	struct ascendsim_image src;
	hi_s32 ret;
	hi_u32 i;

	if ((ret = prelude(api, chn, source_pic, task_id, milli_sec)) ||
	    (ret = check_count(api, count, regions)) || (ret = check_src(api, source_pic, &src)))
		return ret;
	if (!(t = new_task(api, count, &ret)))
		return ret;
	for (i = 0; i < count && ret == HI_SUCCESS; i++)
		ret = fn(api, &src, regions, i, &t->ops[i]);
	return submit(api, chn, t, ret, task_id);
}

/* queue_regions and the call's log line; what names the region array argument. */
static hi_s32 run_regions(const char *api, const char *what, hi_vpc_chn chn,
			  const hi_vpc_pic_info *source_pic, const void *regions, hi_u32 count,
			  region_fn fn, hi_u32 *task_id, hi_s32 milli_sec)
{
	hi_s32 ret = queue_regions(api, chn, source_pic, regions, count, fn, task_id, milli_sec);

	ascendsim_mpi_log(api, ret,
			  "chn=%d, source_pic=%p, %s=%p, count=%u, task_id=%p -> %u, milli_sec=%d",
			  chn, (const void *)source_pic, what, regions, count, (void *)task_id,
			  task_id && ret == HI_SUCCESS ? *task_id : 0, milli_sec);
	return ret;
}

/*
 * The batch calls: count[p] regions of source_pic[p], one after the other in regions (total
 * checked by the caller).
 */
static hi_s32 run_batch(const char *api, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic[],
			hi_u32 pic_num, const hi_u32 count[], uint64_t total, const void *regions,
			region_fn fn, hi_u32 *task_id)
{
	struct ascendsim_vpc_task *t;
	hi_s32 ret = HI_SUCCESS;
	hi_u32 p, i, k = 0;

	if (!(t = new_task(api, (size_t)total, &ret)))
		return ret;
	for (p = 0; p < pic_num && ret == HI_SUCCESS; p++) {
		struct ascendsim_image src;

		if (!source_pic[p]) {
			ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NULL_PTR),
						 "source_pic[%u] is NULL", p);
			break;
		}
		if ((ret = check_src(api, source_pic[p], &src)))
			break;
		for (i = 0; i < count[p] && ret == HI_SUCCESS; i++, k++)
			ret = fn(api, &src, regions, k, &t->ops[k]);
	}
	return submit(api, chn, t, ret, task_id);
}

static void log_batch(const char *api, hi_s32 ret, hi_vpc_chn chn,
		      const hi_vpc_pic_info *source_pic[], hi_u32 pic_num, const char *what,
		      const void *regions, const hi_u32 count[], const hi_u32 *task_id,
		      hi_s32 milli_sec)
{
	ascendsim_mpi_log(api, ret,
			  "chn=%d, source_pic=%p, pic_num=%u, %s=%p, count=%p, task_id=%p -> %u, "
			  "milli_sec=%d",
			  chn, (const void *)source_pic, pic_num, what, regions,
			  (const void *)count, (const void *)task_id,
			  task_id && ret == HI_SUCCESS ? *task_id : 0, milli_sec);
}

static hi_s32 crop_region(const char *api, const struct ascendsim_image *src, const void *regions,
			  hi_u32 k, struct ascendsim_vpc_op *op)
{
	const hi_vpc_crop_region_info *r = (const hi_vpc_crop_region_info *)regions + k;
	hi_s32 ret;

	op->src = *src;
	op->src_rect = crop_rect(&r->crop_region);
	op->interp = ASCENDSIM_IMG_INTERP_NEAREST;
	if ((ret = check_dst(api, &r->dest_pic_info, &op->dst)) ||
	    (ret = check_rect(api, src, &op->src_rect, "crop region")))
		return ret;
	/* The cut-out lands unscaled in the destination's top-left corner. */
	op->dst_rect = (struct ascendsim_rect){ 0, 0, op->src_rect.w, op->src_rect.h };
	return check_rect(api, &op->dst, &op->dst_rect, "crop size in the dest picture");
}

MPI_EXPORT hi_s32 hi_mpi_vpc_crop(hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
				  hi_vpc_crop_region_info crop_info[], hi_u32 count,
				  hi_u32 *task_id, hi_s32 milli_sec)
{
	return run_regions("hi_mpi_vpc_crop", "crop_info", chn, source_pic, crop_info, count,
			   crop_region, task_id, milli_sec);
}

/*
 * One crop-resize(-paste) region: crop from src, scale to resize size, write at (left, top) of
 * the region's own dest picture.
 */
static hi_s32 region_op(const char *api, const struct ascendsim_image *src,
			const hi_vpc_pic_info *dest, const hi_vpc_crop_region *crop,
			const hi_vpc_resize_info *resize, hi_u32 top, hi_u32 left,
			struct ascendsim_vpc_op *op)
{
	hi_s32 ret;

	op->src = *src;
	op->src_rect = crop_rect(crop);
	if ((ret = interp_of(api, resize->interpolation, &op->interp)) ||
	    (ret = check_dst(api, dest, &op->dst)) ||
	    (ret = check_rect(api, src, &op->src_rect, "crop region")))
		return ret;
	op->dst_rect =
	    (struct ascendsim_rect){ left, top, resize->resize_width, resize->resize_height };
	return check_rect(api, &op->dst, &op->dst_rect, "resized region in the dest picture");
}

static hi_s32 crop_resize_region(const char *api, const struct ascendsim_image *src,
				 const void *regions, hi_u32 k, struct ascendsim_vpc_op *op)
{
	const hi_vpc_crop_resize_region *r = (const hi_vpc_crop_resize_region *)regions + k;

	return region_op(api, src, &r->dest_pic_info, &r->crop_region, &r->resize_info, 0, 0, op);
}

static hi_s32 paste_region(const char *api, const struct ascendsim_image *src, const void *regions,
			   hi_u32 k, struct ascendsim_vpc_op *op)
{
	const hi_vpc_crop_resize_paste_region *r =
	    (const hi_vpc_crop_resize_paste_region *)regions + k;

	return region_op(api, src, &r->dest_pic_info, &r->crop_region, &r->resize_info,
			 r->dest_top_offset, r->dest_left_offset, op);
}

/* Constant borders: the whole dest is first filled with value (hi_vpc_scalar). */
static void set_fill(struct ascendsim_vpc_op *op, const hi_vpc_scalar *value)
{
	int i;

	op->fill = true;
	for (i = 0; i < 4; i++)
		op->fill_value[i] = value->val[i];
}

static hi_s32 border_region(const char *api, const struct ascendsim_image *src, const void *regions,
			    hi_u32 k, struct ascendsim_vpc_op *op)
{
	const hi_vpc_crop_resize_border_region *r =
	    (const hi_vpc_crop_resize_border_region *)regions + k;
	hi_s32 ret = region_op(api, src, &r->dest_pic_info, &r->crop_region, &r->resize_info,
			       r->dest_top_offset, r->dest_left_offset, op);

	if (ret != HI_SUCCESS)
		return ret;
	if (r->border_type != HI_BORDER_CONSTANT)
		return ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NOT_SUPPORT),
					  "border type %d: only HI_BORDER_CONSTANT is simulated",
					  (int)r->border_type);
	set_fill(op, &r->scalar_value);
	return HI_SUCCESS;
}

MPI_EXPORT hi_s32 hi_mpi_vpc_crop_resize(hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
					 hi_vpc_crop_resize_region crop_resize_info[], hi_u32 count,
					 hi_u32 *task_id, hi_s32 milli_sec)
{
	return run_regions("hi_mpi_vpc_crop_resize", "crop_resize_info", chn, source_pic,
			   crop_resize_info, count, crop_resize_region, task_id, milli_sec);
}

MPI_EXPORT hi_s32 hi_mpi_vpc_crop_resize_paste(hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
					       hi_vpc_crop_resize_paste_region info[], hi_u32 count,
					       hi_u32 *task_id, hi_s32 milli_sec)
{
	return run_regions("hi_mpi_vpc_crop_resize_paste", "crop_resize_paste_info", chn,
			   source_pic, info, count, paste_region, task_id, milli_sec);
}

MPI_EXPORT hi_s32 hi_mpi_vpc_batch_crop_resize_paste(
    hi_vpc_chn chn, const hi_vpc_pic_info *source_pic[], hi_u32 pic_num,
    hi_vpc_crop_resize_paste_region info[], hi_u32 count[], hi_u32 *task_id, hi_s32 milli_sec)
{
	const char *api = "hi_mpi_vpc_batch_crop_resize_paste";
	uint64_t total = 0;
	hi_s32 ret;
	hi_u32 p;

	if ((ret = prelude(api, chn, source_pic, task_id, milli_sec)))
		goto end;
	if (!count || !info) {
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NULL_PTR), "info or count is NULL");
		goto end;
	}
	if (pic_num == 0 || pic_num > VPC_MAX_REGIONS) {
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "pic_num %u outside [1, %d]", pic_num, VPC_MAX_REGIONS);
		goto end;
	}
	for (p = 0; p < pic_num; p++)
		total += count[p];
	if (total == 0 || total > VPC_MAX_REGIONS) {
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "%" PRIu64 " regions in all, outside [1, %d]", total,
					 VPC_MAX_REGIONS);
		goto end;
	}
	ret = run_batch(api, chn, source_pic, pic_num, count, total, info, paste_region, task_id);
end:
	log_batch(api, ret, chn, source_pic, pic_num, "crop_resize_paste_info", info, count,
		  task_id, milli_sec);
	return ret;
}

MPI_EXPORT hi_s32
hi_mpi_vpc_crop_resize_make_border(hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
				   hi_vpc_crop_resize_border_region crop_resize_make_border_info[],
				   hi_u32 count, hi_u32 *task_id, hi_s32 milli_sec)
{
	return run_regions("hi_mpi_vpc_crop_resize_make_border", "crop_resize_make_border_info",
			   chn, source_pic, crop_resize_make_border_info, count, border_region,
			   task_id, milli_sec);
}

MPI_EXPORT hi_s32 hi_mpi_vpc_batch_crop_resize_make_border(
    hi_vpc_chn chn, const hi_vpc_pic_info *source_pic[], hi_u32 pic_num,
    hi_vpc_crop_resize_border_region crop_resize_make_border_info[], hi_u32 count[],
    hi_u32 *task_id, hi_s32 milli_sec)
{
	const char *api = "hi_mpi_vpc_batch_crop_resize_make_border";
	uint64_t total = 0;
	hi_s32 ret;
	hi_u32 p;

	if ((ret = prelude(api, chn, source_pic, task_id, milli_sec)))
		goto end;
	if (!count || !crop_resize_make_border_info) {
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NULL_PTR), "info or count is NULL");
		goto end;
	}
	/* pic_num first: count[] has pic_num entries. */
	for (p = 0; p < pic_num && pic_num <= VPC_MAX_REGIONS; p++)
		total += count[p];
	if (pic_num == 0 || pic_num > VPC_MAX_REGIONS || total == 0 || total > VPC_MAX_REGIONS) {
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "pic_num %u / %" PRIu64 " regions outside [1, %d]",
					 pic_num, total, VPC_MAX_REGIONS);
		goto end;
	}
	ret = run_batch(api, chn, source_pic, pic_num, count, total, crop_resize_make_border_info,
			border_region, task_id);
end:
	log_batch(api, ret, chn, source_pic, pic_num, "crop_resize_make_border_info",
		  crop_resize_make_border_info, count, task_id, milli_sec);
	return ret;
}

/* Colour conversion: same size, any pair of the simulated formats (yuv420_only: NV12/NV21 out). */
static hi_s32 convert(const char *api, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
		      hi_vpc_pic_info *dest_pic, bool yuv420_only, hi_u32 *task_id,
		      hi_s32 milli_sec)
{
	struct ascendsim_vpc_task *t = NULL;
	struct ascendsim_vpc_op *op;
	hi_s32 ret;

	/* Interpolation 0: bilinear. */
	if (!(t = one_op_task(api, chn, source_pic, dest_pic, 0, task_id, milli_sec, &ret)))
		return ret;
	op = &t->ops[0];
	if (ret != HI_SUCCESS)
		return submit(api, chn, t, ret, task_id);
	if (op->src.width != op->dst.width || op->src.height != op->dst.height)
		ret =
		    ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
				       "source %ux%u and dest %ux%u differ in size", op->src.width,
				       op->src.height, op->dst.width, op->dst.height);
	else if (yuv420_only && op->dst.format != ASCENDSIM_PIXFMT_NV12 &&
		 op->dst.format != ASCENDSIM_PIXFMT_NV21)
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "dest format %s is not YUV420SP",
					 ascendsim_img_format_name(op->dst.format));
	op->src_rect = (struct ascendsim_rect){ 0, 0, op->src.width, op->src.height };
	op->dst_rect = op->src_rect;
	return submit(api, chn, t, ret, task_id);
}

static hi_s32 convert_logged(const char *api, hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
			     hi_vpc_pic_info *dest_pic, bool yuv420_only, hi_u32 *task_id,
			     hi_s32 milli_sec)
{
	hi_s32 ret = convert(api, chn, source_pic, dest_pic, yuv420_only, task_id, milli_sec);

	ascendsim_mpi_log(api, ret,
			  "chn=%d, source_pic=%p, dest_pic=%p, task_id=%p -> %u, milli_sec=%d", chn,
			  (const void *)source_pic, (void *)dest_pic, (void *)task_id,
			  task_id && ret == HI_SUCCESS ? *task_id : 0, milli_sec);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_vpc_convert_color(hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
					   hi_vpc_pic_info *dest_pic, hi_u32 *task_id,
					   hi_s32 milli_sec)
{
	return convert_logged("hi_mpi_vpc_convert_color", chn, source_pic, dest_pic, false, task_id,
			      milli_sec);
}

MPI_EXPORT hi_s32 hi_mpi_vpc_convert_color_to_yuv420(hi_vpc_chn chn,
						     const hi_vpc_pic_info *source_pic,
						     hi_vpc_pic_info *dest_pic, hi_u32 *task_id,
						     hi_s32 milli_sec)
{
	return convert_logged("hi_mpi_vpc_convert_color_to_yuv420", chn, source_pic, dest_pic, true,
			      task_id, milli_sec);
}

MPI_EXPORT hi_s32 hi_mpi_vpc_convert_color_v2(hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
					      hi_vpc_pic_info *dest_pic, hi_csc_conf *conf,
					      hi_u32 *task_id, hi_s32 milli_sec)
{
	const char *api = "hi_mpi_vpc_convert_color_v2";
	hi_s32 ret;

	/* conf->alpha is accepted; the simulated engine writes opaque alpha (255). */
	if (!conf)
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NULL_PTR), "conf is NULL");
	else
		ret = convert(api, chn, source_pic, dest_pic, false, task_id, milli_sec);
	ascendsim_mpi_log(api, ret,
			  "chn=%d, source_pic=%p, dest_pic=%p, conf=%p, task_id=%p -> %u, "
			  "milli_sec=%d",
			  chn, (const void *)source_pic, (void *)dest_pic, (void *)conf,
			  (void *)task_id, task_id && ret == HI_SUCCESS ? *task_id : 0, milli_sec);
	return ret;
}

MPI_EXPORT hi_s32 hi_mpi_vpc_copy_make_border(hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
					      hi_vpc_pic_info *dest_pic,
					      hi_vpc_make_border_info make_border_info,
					      hi_u32 *task_id, hi_s32 milli_sec)
{
	const char *api = "hi_mpi_vpc_copy_make_border";
	const hi_vpc_make_border_info *b = &make_border_info;
	struct ascendsim_vpc_task *t = NULL;
	struct ascendsim_vpc_op *op;
	hi_s32 ret;

	/* Interpolation 1: nearest, a plain copy inside the borders. */
	if (!(t = one_op_task(api, chn, source_pic, dest_pic, 1, task_id, milli_sec, &ret)))
		goto end;
	op = &t->ops[0];
	if (ret != HI_SUCCESS)
		goto submit;
	if (b->border_type != HI_BORDER_CONSTANT) {
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_NOT_SUPPORT),
					 "border type %d: only HI_BORDER_CONSTANT is simulated",
					 (int)b->border_type);
		goto submit;
	}
	if (op->src.format != op->dst.format ||
	    (uint64_t)op->src.width + b->left + b->right != op->dst.width ||
	    (uint64_t)op->src.height + b->top + b->bottom != op->dst.height) {
		ret = ascendsim_mpi_fail(api, VPC_ERR(HI_ERR_ILLEGAL_PARAM),
					 "dest %ux%u %s is not source %ux%u %s plus borders "
					 "top %u bottom %u left %u right %u",
					 op->dst.width, op->dst.height,
					 ascendsim_img_format_name(op->dst.format), op->src.width,
					 op->src.height, ascendsim_img_format_name(op->src.format),
					 b->top, b->bottom, b->left, b->right);
		goto submit;
	}
	op->src_rect = (struct ascendsim_rect){ 0, 0, op->src.width, op->src.height };
	op->dst_rect = (struct ascendsim_rect){ b->left, b->top, op->src.width, op->src.height };
	if ((ret = check_rect(api, &op->dst, &op->dst_rect, "picture inside the borders")))
		goto submit;
	set_fill(op, &b->scalar_value);
submit:
	ret = submit(api, chn, t, ret, task_id);
end:
	ascendsim_mpi_log(api, ret,
			  "chn=%d, source_pic=%p, dest_pic=%p, border={top=%u, bottom=%u, "
			  "left=%u, right=%u, type=%d}, task_id=%p -> %u, milli_sec=%d",
			  chn, (const void *)source_pic, (void *)dest_pic, b->top, b->bottom,
			  b->left, b->right, (int)b->border_type, (void *)task_id,
			  task_id && ret == HI_SUCCESS ? *task_id : 0, milli_sec);
	return ret;
}

/* Declared by the documented surface, not simulated: refused with NOT_SUPPORT. */
MPI_EXPORT hi_s32 hi_mpi_vpc_crop_resize_resize_paste(
    hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
    hi_vpc_crop_resize_resize_paste_region crop_resize_resize_paste_info[], hi_u32 count,
    hi_u32 *task_id, hi_s32 milli_sec)
{
	ascendsim_mpi_log("hi_mpi_vpc_crop_resize_resize_paste", VPC_ERR(HI_ERR_NOT_SUPPORT),
			  "chn=%d, source_pic=%p, info=%p, count=%u, task_id=%p, milli_sec=%d", chn,
			  (const void *)source_pic, (void *)crop_resize_resize_paste_info, count,
			  (void *)task_id, milli_sec);
	return VPC_ERR(HI_ERR_NOT_SUPPORT);
}

MPI_EXPORT hi_s32 hi_mpi_vpc_pyrdown(hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
				     hi_vpc_pic_info dest_pic[], hi_u32 filter_level,
				     hi_s8 gaussian_filter[][5], hi_u16 divisor,
				     hi_vpc_make_border_info make_border_info, hi_u32 *task_id,
				     hi_s32 milli_sec)
{
	ascendsim_mpi_log("hi_mpi_vpc_pyrdown", VPC_ERR(HI_ERR_NOT_SUPPORT),
			  "chn=%d, source_pic=%p, dest_pic=%p, filter_level=%u, "
			  "gaussian_filter=%p, divisor=%u, border_type=%d, task_id=%p, "
			  "milli_sec=%d",
			  chn, (const void *)source_pic, (void *)dest_pic, filter_level,
			  (void *)gaussian_filter, divisor, (int)make_border_info.border_type,
			  (void *)task_id, milli_sec);
	return VPC_ERR(HI_ERR_NOT_SUPPORT);
}

MPI_EXPORT hi_s32 hi_mpi_vpc_calc_hist(hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
				       hi_vpc_histogram_config *hist_config, hi_u32 *task_id,
				       hi_s32 milli_sec)
{
	ascendsim_mpi_log("hi_mpi_vpc_calc_hist", VPC_ERR(HI_ERR_NOT_SUPPORT),
			  "chn=%d, source_pic=%p, hist_config=%p, task_id=%p, milli_sec=%d", chn,
			  (const void *)source_pic, (void *)hist_config, (void *)task_id,
			  milli_sec);
	return VPC_ERR(HI_ERR_NOT_SUPPORT);
}

MPI_EXPORT hi_s32 hi_mpi_vpc_equalize_hist(hi_vpc_chn chn, const hi_vpc_pic_info *source_pic,
					   hi_vpc_pic_info *dest_pic,
					   const hi_vpc_lut_remap *lut_remap, hi_u32 *task_id,
					   hi_s32 milli_sec)
{
	ascendsim_mpi_log("hi_mpi_vpc_equalize_hist", VPC_ERR(HI_ERR_NOT_SUPPORT),
			  "chn=%d, source_pic=%p, dest_pic=%p, lut_remap=%p, task_id=%p, "
			  "milli_sec=%d",
			  chn, (const void *)source_pic, (void *)dest_pic, (const void *)lut_remap,
			  (void *)task_id, milli_sec);
	return VPC_ERR(HI_ERR_NOT_SUPPORT);
}
