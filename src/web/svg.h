/*
 * svg.h: small bar charts as inline SVG, drawn by the server.
 *
 * A chart is an <svg role="img"> with a <title> and a <desc> (its
 * accessible name and description), scaled to its container by CSS
 * (data/web/css/50-insights.css). There is no style attribute: colours come
 * from classes ("bar s0", "bar good"...) that the style sheet fills. Every
 * text (labels, titles, tooltips) goes through html_text; a label longer
 * than the room for it is cut on a character boundary, with the whole of it
 * in the bar's tooltip.
 */
#ifndef RAPPORT_SVG_H
#define RAPPORT_SVG_H

#include <stddef.h>
#include <stdint.h>

#include "util/strbuf.h"

struct svg_chart {
	const char *id;    /* unique in the page: the ids of its title and desc derive from it */
	const char *title; /* its accessible name */
	const char *desc;  /* what it shows, in a sentence */
	size_t nrows;      /* bars (or groups of bars, one per series) */
	const char *const *labels;   /* nrows labels */
	size_t nseries;              /* bars per row, 1 or more */
	const char *const *series;   /* nseries names, for the legend (NULL: no legend) */
	const char *const *classes;  /* nseries classes for the bars (NULL: "s0", "s1"...) */
	const char *const *row_classes; /* or, with one series, nrows classes, one a bar */
	const int64_t *values;       /* nrows * nseries values, row by row, >= 0 */
};

/* Rows of horizontal bars, labels on the left, values at the bars' ends. */
void svg_hbars(struct strbuf *sb, const struct svg_chart *c);
/* Vertical columns, labels underneath, values on top. */
void svg_columns(struct strbuf *sb, const struct svg_chart *c);


#endif
