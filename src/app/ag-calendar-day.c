/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-calendar-day.c: one day of the treatment calendar: its number, sessions, phase and checklist. */

#define G_LOG_DOMAIN "ag-calendar-day"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-calendar-day.h"

#define MAX_DOTS 3
#define DOT_SIZE 6.0
#define DOT_GAP 3.0
/* Between the number and the dots. */
#define NUMBER_DOTS_GAP 3
/* The circle around the number (filled on the selected day): at least this wide, and with
 * this much room around the digits when the font is larger. */
#define NUMBER_MIN_SIZE 24
#define NUMBER_PADDING 6
/* The checklist mark, in the top end corner. */
#define MARK_SIZE 10.0
#define MARK_MARGIN 2.0
/* Days of the months before and after, shown to fill the weeks. */
#define OTHER_MONTH_OPACITY 0.45

/* A day is a button without child widgets: its CSS gives the phase's tint (its background
 * inside the border), today's and the next session's border and the font; it draws the
 * number, the session dots and the checklist mark itself. A new month then restyles one node a
 * day, re-shapes no text and resizes nothing. */

struct _AgCalendarDay
{
  GtkButton parent_instance;

  /* owned */
  AgDaySummary *summary;
  char *label;
  PangoLayout *layout;          /* the number */
  PangoFontDescription *font;   /* the font layout was made for */

  guint day;                    /* the day layout holds, 0 for none */
  int number_size;              /* the number's circle, for the widest two digits in font */
  gboolean selected;
};

G_DEFINE_FINAL_TYPE (AgCalendarDay, ag_calendar_day, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_SUMMARY,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const phase_classes[] = {
  [AG_PHASE_NONE] = NULL,
  [AG_PHASE_STRICT] = "phase-strict",
  [AG_PHASE_CAREFUL] = "phase-careful",
  [AG_PHASE_NORMAL] = "phase-normal",
};

static const char * const completion_classes[] = {
  [AG_COMPLETION_NONE] = NULL,
  [AG_COMPLETION_COMPLETE] = "complete",
  [AG_COMPLETION_PARTIAL] = "partial",
  [AG_COMPLETION_MISSED] = "missed",
};

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/**
 * ag_calendar_mark_draw:
 * @cr: where to draw, with the mark's box at 0, 0
 * @width: the box's width
 * @height: the box's height
 * @color: the mark's colour
 * @completion: what the mark stands for: a check for a complete checklist, a half-filled
 *   circle for a partly done one, a cross for a missed one, nothing for none
 *
 * Draws the checklist mark the calendar shows, centred in the box and as large as fits.
 */
void
ag_calendar_mark_draw (cairo_t       *cr,
                       double         width,
                       double         height,
                       const GdkRGBA *color,
                       AgCompletion   completion)
{
  double size = MIN (width, height);
  double x = (width - size) / 2.0;
  double y = (height - size) / 2.0;

  gdk_cairo_set_source_rgba (cr, color);
  cairo_set_line_width (cr, MAX (1.5, size / 6.0));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  switch (completion)
    {
    case AG_COMPLETION_COMPLETE:
      cairo_move_to (cr, x + size * 0.12, y + size * 0.55);
      cairo_line_to (cr, x + size * 0.40, y + size * 0.82);
      cairo_line_to (cr, x + size * 0.90, y + size * 0.20);
      cairo_stroke (cr);
      break;

    case AG_COMPLETION_PARTIAL:
      /* A half-filled circle: some of the day's steps were done. */
      cairo_arc (cr, x + size / 2.0, y + size / 2.0, size / 2.0 - 1.0, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, x + size / 2.0, y + size / 2.0, size / 2.0 - 1.0, G_PI / 2.0, 3 * G_PI / 2.0);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case AG_COMPLETION_MISSED:
      cairo_move_to (cr, x + size * 0.2, y + size * 0.2);
      cairo_line_to (cr, x + size * 0.8, y + size * 0.8);
      cairo_move_to (cr, x + size * 0.8, y + size * 0.2);
      cairo_line_to (cr, x + size * 0.2, y + size * 0.8);
      cairo_stroke (cr);
      break;

    case AG_COMPLETION_NONE:
    default:
      break;
    }
}

static PangoLayout *
ensure_layout (AgCalendarDay *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const PangoFontDescription *font =
    pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  PangoRectangle logical;

  /* Made again only when the font changes (bold for today and the selected day, the text
   * scale); a new day only sets its text. */
  if (self->layout == NULL || !pango_font_description_equal (self->font, font))
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      g_clear_pointer (&self->font, pango_font_description_free);
      self->font = pango_font_description_copy (font);
      g_clear_object (&self->layout);
      self->layout = gtk_widget_create_pango_layout (widget, "00");
      /* Tabular figures, as the "numeric" style class gives labels. */
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (self->layout, attrs);
      pango_layout_get_pixel_extents (self->layout, NULL, &logical);
      self->number_size = MAX (NUMBER_MIN_SIZE,
                               MAX (logical.width, logical.height) + NUMBER_PADDING);
      self->day = 0;
    }

  return self->layout;
}

static void
ag_calendar_day_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  AgCalendarDay *self = AG_CALENDAR_DAY (widget);

  /* The number's circle with the dots under it; the CSS minimum size still holds. */
  ensure_layout (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = MAX (self->number_size, (int) (MAX_DOTS * DOT_SIZE + (MAX_DOTS - 1) * DOT_GAP));
  else
    *minimum = self->number_size + NUMBER_DOTS_GAP + (int) DOT_SIZE;
  *natural = *minimum;
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}

static void
snapshot_number (AgCalendarDay *self,
                 GtkSnapshot   *snapshot,
                 float          x,
                 float          y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PangoLayout *layout = ensure_layout (self);
  guint day = g_date_get_day (ag_day_summary_get_date (self->summary));
  float size = self->number_size;
  PangoRectangle logical;
  GdkRGBA color;

  if (day != self->day)
    {
      char number[8];

      g_snprintf (number, sizeof number, "%u", day);
      pango_layout_set_text (layout, number, -1);
      self->day = day;
    }

  if (self->selected)
    {
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, size, size);
      GskRoundedRect circle;
      GdkRGBA fill;

      lookup_color (widget, "accent_bg_color", &fill);
      gsk_rounded_rect_init_from_rect (&circle, &bounds, size / 2.0f);
      gtk_snapshot_push_rounded_clip (snapshot, &circle);
      gtk_snapshot_append_color (snapshot, &fill, &bounds);
      gtk_snapshot_pop (snapshot);
      lookup_color (widget, "accent_fg_color", &color);
    }
  else
    {
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
    }

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (
    x + (size - logical.width) / 2.0f - logical.x,
    y + (size - logical.height) / 2.0f - logical.y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* One dot per session, in its treatment's colour: the colour is the user's data, not style. */
static void
snapshot_dots (AgCalendarDay *self,
               GtkSnapshot   *snapshot,
               float          y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = MIN (ag_day_summary_get_n_sessions (self->summary), MAX_DOTS);
  float x = (gtk_widget_get_width (widget) - (n * DOT_SIZE + (n > 0 ? n - 1 : 0) * DOT_GAP)) / 2.0f;

  for (guint i = 0; i < n; i++, x += DOT_SIZE + DOT_GAP)
    {
      const char *color_text = ag_day_summary_get_session_color (self->summary, i);
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, DOT_SIZE, DOT_SIZE);
      GskRoundedRect dot;
      GdkRGBA color;

      if (color_text == NULL || !gdk_rgba_parse (&color, color_text))
        gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

      gsk_rounded_rect_init_from_rect (&dot, &bounds, DOT_SIZE / 2.0f);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &color, &bounds);
      gtk_snapshot_pop (snapshot);
    }
}

/* The mark's colour, from the theme's named colours: the calendar's days and its legend. */
static void
get_mark_color (GtkWidget    *widget,
                AgCompletion  completion,
                GdkRGBA      *color)
{
  static const char * const colors[] = {
    [AG_COMPLETION_NONE] = NULL,
    [AG_COMPLETION_COMPLETE] = "success_color",
    [AG_COMPLETION_PARTIAL] = "warning_color",
    [AG_COMPLETION_MISSED] = "error_color",
  };

  if (colors[completion] != NULL)
    lookup_color (widget, colors[completion], color);
  else
    gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
}

static void
snapshot_mark (AgCalendarDay *self,
               GtkSnapshot   *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AgCompletion completion = ag_day_summary_get_completion (self->summary);
  /* In the top end corner: the right one, or the left one in right-to-left text. */
  float x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL
            ? MARK_MARGIN : gtk_widget_get_width (widget) - MARK_MARGIN - MARK_SIZE;
  GdkRGBA color;
  cairo_t *cr;

  if (completion == AG_COMPLETION_NONE)
    return;

  get_mark_color (widget, completion, &color);
  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (x, MARK_MARGIN, MARK_SIZE, MARK_SIZE));
  cairo_translate (cr, x, MARK_MARGIN);
  ag_calendar_mark_draw (cr, MARK_SIZE, MARK_SIZE, &color, completion);
  cairo_destroy (cr);
}

static void
ag_calendar_day_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  AgCalendarDay *self = AG_CALENDAR_DAY (widget);
  float number_top;

  if (self->summary == NULL)
    return;

  ensure_layout (self);
  number_top = MAX (0, (gtk_widget_get_height (widget) -
                        (self->number_size + NUMBER_DOTS_GAP + DOT_SIZE)) / 2);
  snapshot_number (self, snapshot,
                   (gtk_widget_get_width (widget) - self->number_size) / 2.0f, number_top);
  snapshot_dots (self, snapshot, number_top + self->number_size + NUMBER_DOTS_GAP);
  snapshot_mark (self, snapshot);
}

static char *
build_label (AgCalendarDay *self)
{
  AgDaySummary *summary = self->summary;
  const GDate *date = ag_day_summary_get_date (summary);
  g_autoptr(GDateTime) noon = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  AgSession *phase_session = ag_day_summary_get_phase_session (summary);
  int phase_day = ag_day_summary_get_phase_day (summary);

  /* Translators: a calendar day as a screen reader says it, "Tuesday 3 November"; see
   * g_date_time_format() */
  g_ptr_array_add (parts, g_date_time_format (noon, _("%A %-d %B")));

  if (ag_day_summary_get_is_today (summary))
    g_ptr_array_add (parts, g_strdup (_("today")));

  for (guint i = 0; i < ag_day_summary_get_n_sessions (summary); i++)
    g_ptr_array_add (parts, ag_day_summary_dup_session_label (summary, i));

  if (ag_day_summary_get_is_next_session (summary))
    g_ptr_array_add (parts, g_strdup (_("your next session")));

  if (phase_session != NULL && phase_day > 0)
    /* Translators: day after a session, its number, the number of sessions and the area,
     * "day 1 after session 1 of 3 · Face" */
    g_ptr_array_add (parts, g_strdup_printf (_("day %d after session %u of %u · %s"), phase_day,
                                             ag_session_get_number (phase_session),
                                             ag_session_get_count (phase_session),
                                             ag_area_get_label (ag_session_get_area (phase_session))));

  switch (ag_day_summary_get_phase (summary))
    {
    case AG_PHASE_STRICT:
      g_ptr_array_add (parts, g_strdup (_("strict aftercare")));
      break;
    case AG_PHASE_CAREFUL:
      g_ptr_array_add (parts, g_strdup (_("careful aftercare")));
      break;
    case AG_PHASE_NORMAL:
      g_ptr_array_add (parts, g_strdup (_("normal aftercare")));
      break;
    case AG_PHASE_NONE:
    default:
      break;
    }

  switch (ag_day_summary_get_completion (summary))
    {
    case AG_COMPLETION_COMPLETE:
      g_ptr_array_add (parts, g_strdup (_("checklist complete")));
      break;
    case AG_COMPLETION_PARTIAL:
      /* Translators: steps ticked and steps of a past day, "checklist partly done, 3 of 8" */
      g_ptr_array_add (parts, g_strdup_printf (_("checklist partly done, %u of %u"),
                                               ag_day_summary_get_n_done (summary),
                                               ag_day_summary_get_n_items (summary)));
      break;
    case AG_COMPLETION_MISSED:
      g_ptr_array_add (parts, g_strdup (_("checklist missed")));
      break;
    case AG_COMPLETION_NONE:
    default:
      break;
    }

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the parts of a calendar day's description */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static void
update (AgCalendarDay *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AgPhase phase = AG_PHASE_NONE;
  AgCompletion completion = AG_COMPLETION_NONE;

  if (self->summary != NULL)
    {
      phase = ag_day_summary_get_phase (self->summary);
      completion = ag_day_summary_get_completion (self->summary);
    }

  /* The button has no child widgets, so a class restyles one node; "other month" is a plain
   * opacity. The completion classes say what the mark shows. */
  for (guint i = 0; i < G_N_ELEMENTS (phase_classes); i++)
    if (phase_classes[i] != NULL)
      set_class (widget, phase_classes[i], i == phase);
  for (guint i = 0; i < G_N_ELEMENTS (completion_classes); i++)
    if (completion_classes[i] != NULL)
      set_class (widget, completion_classes[i], i == completion);

  set_class (widget, "today", self->summary && ag_day_summary_get_is_today (self->summary));
  set_class (widget, "next-session",
             self->summary && ag_day_summary_get_is_next_session (self->summary));
  gtk_widget_set_opacity (widget, self->summary && !ag_day_summary_get_in_month (self->summary)
                                  ? OTHER_MONTH_OPACITY : 1.0);
  gtk_widget_set_sensitive (widget, self->summary != NULL);

  gtk_widget_queue_draw (widget);

  g_clear_pointer (&self->label, g_free);
  if (self->summary != NULL)
    {
      self->label = build_label (self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                      -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

static void
ag_calendar_day_dispose (GObject *object)
{
  AgCalendarDay *self = (AgCalendarDay *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_CALENDAR_DAY);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (ag_calendar_day_parent_class)->dispose (object);
}

static void
ag_calendar_day_finalize (GObject *object)
{
  AgCalendarDay *self = (AgCalendarDay *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (ag_calendar_day_parent_class)->finalize (object);
}

static void
ag_calendar_day_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AgCalendarDay *self = AG_CALENDAR_DAY (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;
    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_calendar_day_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AgCalendarDay *self = AG_CALENDAR_DAY (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      ag_calendar_day_set_summary (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      ag_calendar_day_set_selected (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_calendar_day_class_init (AgCalendarDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ag_calendar_day_dispose;
  object_class->finalize = ag_calendar_day_finalize;
  object_class->get_property = ag_calendar_day_get_property;
  object_class->set_property = ag_calendar_day_set_property;

  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, AG_TYPE_DAY_SUMMARY, flags);
  properties[PROP_SELECTED] = g_param_spec_boolean ("selected", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = ag_calendar_day_measure;
  widget_class->snapshot = ag_calendar_day_snapshot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/ag-calendar-day.ui");
}

static void
ag_calendar_day_init (AgCalendarDay *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Measured by ag_calendar_day_measure(), not by GtkButton's layout of a child. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  update (self);
}

/**
 * ag_calendar_day_new:
 *
 * Returns: (transfer full): a day cell that shows nothing until it gets a summary
 */
AgCalendarDay *
ag_calendar_day_new (void)
{
  return g_object_new (AG_TYPE_CALENDAR_DAY, NULL);
}

/**
 * ag_calendar_day_get_summary:
 *
 * Returns: (transfer none) (nullable): the day shown
 */
AgDaySummary *
ag_calendar_day_get_summary (AgCalendarDay *self)
{
  g_return_val_if_fail (AG_IS_CALENDAR_DAY (self), NULL);

  return self->summary;
}

/**
 * ag_calendar_day_set_summary:
 * @summary: (nullable): the day to show
 */
void
ag_calendar_day_set_summary (AgCalendarDay *self,
                             AgDaySummary  *summary)
{
  g_return_if_fail (AG_IS_CALENDAR_DAY (self));
  g_return_if_fail (summary == NULL || AG_IS_DAY_SUMMARY (summary));

  if (!g_set_object (&self->summary, summary))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

gboolean
ag_calendar_day_get_selected (AgCalendarDay *self)
{
  g_return_val_if_fail (AG_IS_CALENDAR_DAY (self), FALSE);

  return self->selected;
}

/**
 * ag_calendar_day_set_selected:
 * @selected: whether this is the calendar's selected day
 */
void
ag_calendar_day_set_selected (AgCalendarDay *self,
                              gboolean       selected)
{
  g_return_if_fail (AG_IS_CALENDAR_DAY (self));

  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  /* The number's accent circle is drawn, not styled. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * ag_calendar_day_get_label:
 *
 * Returns: (nullable): what a screen reader says for the day, "Tuesday 3 November, day 1
 *   after session 1 of 3 · Face, strict aftercare, checklist complete"
 */
const char *
ag_calendar_day_get_label (AgCalendarDay *self)
{
  g_return_val_if_fail (AG_IS_CALENDAR_DAY (self), NULL);

  return self->label;
}

static void
draw_legend_mark_cb (GtkDrawingArea *area,
                     cairo_t        *cr,
                     int             width,
                     int             height,
                     gpointer        user_data)
{
  GdkRGBA color;

  get_mark_color (GTK_WIDGET (area), GPOINTER_TO_INT (user_data), &color);
  ag_calendar_mark_draw (cr, width, height, &color, GPOINTER_TO_INT (user_data));
}

/**
 * ag_calendar_mark_new:
 * @completion: what the mark stands for
 *
 * Returns: (transfer floating): the small checklist mark the calendar draws, for a legend
 */
GtkWidget *
ag_calendar_mark_new (AgCompletion completion)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 12);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (area, "calendar-mark");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_legend_mark_cb,
                                  GINT_TO_POINTER (completion), NULL);

  return area;
}
