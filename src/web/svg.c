/* svg.c: bar charts as inline SVG (see svg.h). */
#include "web/svg.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "io/html.h"
#include "util/xalloc.h"

/* Drawn at 480 units wide, scaled by CSS to at most 30rem: the text stays
 * legible on a phone, where the chart is about two thirds of that. */
#define WIDTH 480
#define LEGEND_H 26
/* horizontal bars: the labels' column, the bars', the values' */
#define H_LABEL_END 140
#define H_LABEL_CHARS 20
#define H_BARS 148
#define H_BARS_END (WIDTH - 52)
/* columns: room above for the values, below for the labels */
#define C_HEIGHT 220
#define C_TOP 22
#define C_BOTTOM (C_HEIGHT - 34)

/* A coordinate with one decimal, whatever the locale. */
static void num(struct strbuf *sb, double x)
{
	long v = (long)(x * 10 + (x >= 0 ? 0.5 : -0.5));

	if (v < 0) {
		strbuf_addch(sb, '-');
		v = -v;
	}
	if (v % 10)
		strbuf_addf(sb, "%ld.%ld", v / 10, v % 10);
	else
		strbuf_addf(sb, "%ld", v / 10);
}

static void attr_num(struct strbuf *sb, const char *name, double x)
{
	strbuf_addf(sb, " %s=\"", name);
	num(sb, x);
	strbuf_addch(sb, '"');
}

static void attr_text(struct strbuf *sb, const char *name, const char *value)
{
	strbuf_addf(sb, " %s=\"", name);
	html_text(sb, value);
	strbuf_addch(sb, '"');
}

/* The pieces of the charts. */
static void svg_begin(struct strbuf *sb, const char *id, int width, int height, const char *title,
		      const char *desc)
{
	strbuf_addf(sb, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
			"viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\"",
		    width, height, width, height);
	strbuf_addstr(sb, " aria-labelledby=\"");
	html_text(sb, id);
	strbuf_addstr(sb, "-title");
	if (desc) {
		strbuf_addch(sb, ' ');
		html_text(sb, id);
		strbuf_addstr(sb, "-desc");
	}
	strbuf_addstr(sb, "\">\n<title id=\"");
	html_text(sb, id);
	strbuf_addstr(sb, "-title\">");
	html_text(sb, title);
	strbuf_addstr(sb, "</title>\n");
	if (desc) {
		strbuf_addstr(sb, "<desc id=\"");
		html_text(sb, id);
		strbuf_addstr(sb, "-desc\">");
		html_text(sb, desc);
		strbuf_addstr(sb, "</desc>\n");
	}
}

static void svg_end(struct strbuf *sb)
{
	strbuf_addstr(sb, "</svg>\n");
}

/* "<TAG" with its four coordinates and, when given, a class; the caller
 * closes the tag. */
static void shape_open(struct strbuf *sb, const char *tag, const char *const names[4],
		       const double values[4], const char *cls)
{
	strbuf_addf(sb, "<%s", tag);
	for (int i = 0; i < 4; i++)
		attr_num(sb, names[i], values[i]);
	if (cls)
		attr_text(sb, "class", cls);
}

/* A rectangle with an optional tooltip (its <title>). */
static void svg_rect(struct strbuf *sb, double x, double y, double w, double h, const char *cls,
		     const char *tip)
{
	static const char *const names[4] = { "x", "y", "width", "height" };

	shape_open(sb, "rect", names, (const double[4]){ x, y, w, h }, cls);
	if (tip) {
		strbuf_addstr(sb, "><title>");
		html_text(sb, tip);
		strbuf_addstr(sb, "</title></rect>\n");
	} else {
		strbuf_addstr(sb, "/>\n");
	}
}

/* The number of bytes of the first max characters of UTF-8 text s. */
static size_t utf8_prefix(const char *s, size_t max)
{
	size_t i = 0, chars = 0;

	while (s[i]) {
		if (((unsigned char)s[i] & 0xc0) != 0x80) {
			if (chars == max)
				break;
			chars++;
		}
		i++;
	}
	return i;
}

/* Text at (x, y); anchor is "start", "middle" or "end"; at most max_chars
 * characters (0: no limit), cut with an ellipsis. */
static void svg_text(struct strbuf *sb, double x, double y, const char *anchor, const char *cls,
		     const char *text, size_t max_chars)
{
	size_t cut = max_chars ? utf8_prefix(text, max_chars) : strlen(text);

	strbuf_addstr(sb, "<text");
	attr_num(sb, "x", x);
	attr_num(sb, "y", y);
	if (anchor && strcmp(anchor, "start"))
		attr_text(sb, "text-anchor", anchor);
	if (cls)
		attr_text(sb, "class", cls);
	strbuf_addch(sb, '>');
	if (text[cut]) {
		size_t n = utf8_prefix(text, max_chars - 1);
		char *part;
		while (n && text[n - 1] == ' ')
			n--;
		part = xstrndup(text, n);
		html_text(sb, part);
		strbuf_addstr(sb, "\xe2\x80\xa6"); /* … */
		free(part);
	} else {
		html_text(sb, text);
	}
	strbuf_addstr(sb, "</text>\n");
}

static void svg_line(struct strbuf *sb, double x1, double y1, double x2, double y2,
		     const char *cls)
{
	static const char *const names[4] = { "x1", "y1", "x2", "y2" };

	shape_open(sb, "line", names, (const double[4]){ x1, y1, x2, y2 }, cls);
	strbuf_addstr(sb, "/>\n");
}

/* The class of bar j of row i (a legend's swatch: row SIZE_MAX). */
static const char *series_class(const struct svg_chart *c, size_t i, size_t j, char buf[32])
{
	if (c->row_classes && i != SIZE_MAX && c->row_classes[i])
		snprintf(buf, 32, "bar %s", c->row_classes[i]);
	else if (c->classes && c->classes[j])
		snprintf(buf, 32, "bar %s", c->classes[j]);
	else
		snprintf(buf, 32, "bar s%zu", j);
	return buf;
}

/* A bar's length for v on a scale where max fills span: at least 2, so that
 * a small count still shows. */
static double bar_length(int64_t v, int64_t max, double span)
{
	double len = (double)v / (double)max * span;

	return v > 0 && len < 2 ? 2 : len;
}

static int64_t max_value(const struct svg_chart *c)
{
	int64_t max = 1;

	for (size_t i = 0; i < c->nrows * c->nseries; i++)
		if (c->values[i] > max)
			max = c->values[i];
	return max;
}

/* The legend along the top: a swatch and a name per series. */
static void legend(struct strbuf *sb, const struct svg_chart *c, double x)
{
	char cls[32];

	if (!c->series)
		return;
	strbuf_addstr(sb, "<g class=\"legend\">\n");
	for (size_t j = 0; j < c->nseries; j++) {
		svg_rect(sb, x, 6, 12, 12, series_class(c, SIZE_MAX, j, cls), NULL);
		svg_text(sb, x + 17, 16.5, "start", "legend-text", c->series[j], 24);
		x += 34 + 7.2 * (double)strlen(c->series[j]);
	}
	strbuf_addstr(sb, "</g>\n");
}

/* "label: series 12" (or "label: 12"), the tooltip of a bar. */
static char *tip_text(const struct svg_chart *c, size_t i, size_t j, int64_t v)
{
	struct strbuf tip = STRBUF_INIT;
	char num_buf[32];

	strbuf_addf(&tip, "%s: ", c->labels[i]);
	if (c->series && c->nseries > 1)
		strbuf_addf(&tip, "%s ", c->series[j]);
	strbuf_addstr(&tip, text_thousands(v, num_buf));
	return strbuf_detach(&tip);
}

void svg_hbars(struct strbuf *sb, const struct svg_chart *c)
{
	double top = c->series ? LEGEND_H + 4 : 4;
	double bar_h = c->nseries == 1 ? 20 : 14;
	double row_h = bar_h * (double)c->nseries + (c->nseries == 1 ? 10 : 12);
	double span = H_BARS_END - H_BARS;
	int height = (int)(top + row_h * (double)c->nrows + 4);
	int64_t max = max_value(c);
	char cls[32], value[32];

	svg_begin(sb, c->id, WIDTH, height, c->title, c->desc);
	legend(sb, c, 10);
	for (size_t i = 0; i < c->nrows; i++) {
		double y = top + row_h * (double)i;
		svg_text(sb, H_LABEL_END, y + row_h / 2 - 1, "end", "label", c->labels[i],
			 H_LABEL_CHARS);
		for (size_t j = 0; j < c->nseries; j++) {
			int64_t v = c->values[i * c->nseries + j];
			double w = bar_length(v, max, span), by = y + bar_h * (double)j;
			char *tip = tip_text(c, i, j, v);
			if (v > 0)
				svg_rect(sb, H_BARS, by, w, bar_h - 2, series_class(c, i, j, cls), tip);
			text_thousands(v, value);
			svg_text(sb, H_BARS + w + 5, by + bar_h / 2 + 2.5, "start", "value", value, 0);
			free(tip);
		}
	}
	svg_line(sb, H_BARS, top - 2, H_BARS, top + row_h * (double)c->nrows - 4, "axis");
	svg_end(sb);
}

void svg_columns(struct strbuf *sb, const struct svg_chart *c)
{
	double top = C_TOP + (c->series ? LEGEND_H : 0);
	double slot = (WIDTH - 20) / (double)(c->nrows ? c->nrows : 1);
	double col_w = slot * 0.7 / (double)c->nseries;
	double span = C_BOTTOM - top;
	int64_t max = max_value(c);
	size_t label_chars = (size_t)(slot / 6), longest = 0;
	bool crowded;
	char cls[32], value[32];

	for (size_t i = 0; i < c->nrows; i++)
		if (strlen(c->labels[i]) > longest)
			longest = strlen(c->labels[i]);
	crowded = (double)longest * 6.5 + 6 > slot;
	svg_begin(sb, c->id, WIDTH, C_HEIGHT, c->title, c->desc);
	legend(sb, c, 10);
	for (size_t i = 0; i < c->nrows; i++) {
		double x = 10 + slot * (double)i + slot * 0.15;
		for (size_t j = 0; j < c->nseries; j++) {
			int64_t v = c->values[i * c->nseries + j];
			double h = bar_length(v, max, span), cx = x + col_w * (double)j;
			char *tip = tip_text(c, i, j, v);
			if (v > 0)
				svg_rect(sb, cx, C_BOTTOM - h, col_w - 1, h, series_class(c, i, j, cls), tip);
			text_thousands(v, value);
			svg_text(sb, cx + col_w / 2, C_BOTTOM - h - 5, "middle", "value", value, 0);
			free(tip);
		}
		/* when the labels would touch, every other one, the latest kept */
		if (!crowded || (c->nrows - 1 - i) % 2 == 0)
			svg_text(sb, 10 + slot * ((double)i + 0.5), C_BOTTOM + 18, "middle",
				 "label under", c->labels[i], label_chars > 1 ? label_chars : 2);
	}
	svg_line(sb, 10, C_BOTTOM + 0.5, WIDTH - 10, C_BOTTOM + 0.5, "axis");
	svg_end(sb);
}
