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
/* The checklist mark, in the face's top end corner. */
#define MARK_SIZE 10.0
#define MARK_MARGIN 2.0
/* Days of the months before and after, shown to fill the weeks. */
#define OTHER_MONTH_OPACITY 0.45
/* The room around the digits when the font is too large for the number's circle. */
#define NUMBER_PADDING 6

/* A day is a button with two small widgets of its own in it: the face draws the phase's tint
 * (its CSS background), the session dots and the checklist mark; the number in it is a text
 * node. A new month then re-shapes no text and resizes nothing. */
#define AG_TYPE_DAY_NUMBER (ag_day_number_get_type ())
G_DECLARE_FINAL_TYPE (AgDayNumber, ag_day_number, AG, DAY_NUMBER, GtkWidget)

#define AG_TYPE_DAY_FACE (ag_day_face_get_type ())
G_DECLARE_FINAL_TYPE (AgDayFace, ag_day_face, AG, DAY_FACE, GtkWidget)

struct _AgCalendarDay
{
  GtkButton parent_instance;

  /* the button's child, the AgDayFace of the template */
  GtkWidget *face;

  /* owned */
  AgDaySummary *summary;
  char *label;

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

static void
draw_mark (GtkWidget    *widget,
           cairo_t      *cr,
           int           width,
           int           height,
           AgCompletion  completion)
{
  double size = MIN (width, height);
  double x = (width - size) / 2.0;
  double y = (height - size) / 2.0;
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gdk_cairo_set_source_rgba (cr, &color);
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

static void
draw_legend_mark_cb (GtkDrawingArea *area,
                     cairo_t        *cr,
                     int             width,
                     int             height,
                     gpointer        user_data)
{
  draw_mark (GTK_WIDGET (area), cr, width, height, GPOINTER_TO_INT (user_data));
}

/* AgDayNumber: the day's number, centred, in the circle its CSS draws. The layout is kept
 * and only re-shaped when the day or the font (bold for today and the selected day, the text
 * scale) changes; it asks for room for two digits. */
struct _AgDayNumber
{
  GtkWidget parent_instance;

  PangoLayout *layout;
  PangoFontDescription *font;   /* the font layout was made for */
  guint day;                    /* the day layout holds, 0 for none */
  int size;                     /* the circle's side for the widest two digits in font */
};

G_DEFINE_FINAL_TYPE (AgDayNumber, ag_day_number, GTK_TYPE_WIDGET)

static AgDaySummary *
summary_of_cell (GtkWidget *child)
{
  GtkWidget *cell = gtk_widget_get_ancestor (child, AG_TYPE_CALENDAR_DAY);

  return cell != NULL ? AG_CALENDAR_DAY (cell)->summary : NULL;
}

static PangoLayout *
ag_day_number_ensure_layout (AgDayNumber *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const PangoFontDescription *font =
    pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  PangoRectangle logical;

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
      self->size = MAX (logical.width, logical.height) + NUMBER_PADDING;
      self->day = 0;
    }

  return self->layout;
}

static void
ag_day_number_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  AgDayNumber *self = AG_DAY_NUMBER (widget);

  /* A circle: as wide as it is high, for the widest two digits. The CSS minimum still holds. */
  ag_day_number_ensure_layout (self);
  *minimum = *natural = self->size;
}

static void
ag_day_number_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  AgDayNumber *self = AG_DAY_NUMBER (widget);
  AgDaySummary *summary = summary_of_cell (widget);
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRGBA color;
  guint day;

  if (summary == NULL)
    return;

  layout = ag_day_number_ensure_layout (self);
  day = g_date_get_day (ag_day_summary_get_date (summary));
  if (day != self->day)
    {
      char number[8];

      g_snprintf (number, sizeof number, "%u", day);
      pango_layout_set_text (layout, number, -1);
      self->day = day;
    }
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (
    (gtk_widget_get_width (widget) - logical.width) / 2.0f - logical.x,
    (gtk_widget_get_height (widget) - logical.height) / 2.0f - logical.y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
ag_day_number_finalize (GObject *object)
{
  AgDayNumber *self = AG_DAY_NUMBER (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);

  G_OBJECT_CLASS (ag_day_number_parent_class)->finalize (object);
}

static void
ag_day_number_class_init (AgDayNumberClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ag_day_number_finalize;
  widget_class->measure = ag_day_number_measure;
  widget_class->snapshot = ag_day_number_snapshot;
  /* The cell's accessible label says the whole day. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
ag_day_number_init (AgDayNumber *self)
{
}

/* AgDayFace: the day inside the button's border. Its CSS background is the healing phase's
 * tint; on it go the number (its one child) with the session dots under it, one per session in
 * its treatment's colour (the user's data, not style), and the checklist mark in its colour. */
struct _AgDayFace
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (AgDayFace, ag_day_face, GTK_TYPE_WIDGET)

static void
ag_day_face_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  GtkWidget *number = gtk_widget_get_first_child (widget);
  int number_size;

  gtk_widget_measure (number, orientation, -1, &number_size, NULL, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = MAX (number_size, (int) (MAX_DOTS * DOT_SIZE + (MAX_DOTS - 1) * DOT_GAP));
  else
    *minimum = number_size + NUMBER_DOTS_GAP + (int) DOT_SIZE;
  *natural = *minimum;
}

static int
number_top (GtkWidget *face,
            int        height,
            int        number_height)
{
  return MAX (0, (height - (number_height + NUMBER_DOTS_GAP + (int) DOT_SIZE)) / 2);
}

static void
ag_day_face_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  GtkWidget *number = gtk_widget_get_first_child (widget);
  int number_width;
  int number_height;

  gtk_widget_measure (number, GTK_ORIENTATION_HORIZONTAL, -1, &number_width, NULL, NULL, NULL);
  gtk_widget_measure (number, GTK_ORIENTATION_VERTICAL, -1, &number_height, NULL, NULL, NULL);
  gtk_widget_size_allocate (number,
                            &(GtkAllocation) { (width - number_width) / 2,
                                               number_top (widget, height, number_height),
                                               number_width, number_height },
                            -1);
}

static void
snapshot_dots (GtkWidget    *widget,
               GtkSnapshot  *snapshot,
               AgDaySummary *summary,
               float         y)
{
  guint n = MIN (ag_day_summary_get_n_sessions (summary), MAX_DOTS);
  float x = (gtk_widget_get_width (widget) - (n * DOT_SIZE + (n > 0 ? n - 1 : 0) * DOT_GAP)) / 2.0f;

  for (guint i = 0; i < n; i++, x += DOT_SIZE + DOT_GAP)
    {
      const char *color_text = ag_day_summary_get_session_color (summary, i);
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

static void
ag_day_face_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  GtkWidget *number = gtk_widget_get_first_child (widget);
  AgDaySummary *summary = summary_of_cell (widget);
  AgCompletion completion;

  if (summary == NULL)
    return;

  gtk_widget_snapshot_child (widget, number, snapshot);
  snapshot_dots (widget, snapshot, summary,
                 number_top (widget, gtk_widget_get_height (widget), gtk_widget_get_height (number)) +
                 gtk_widget_get_height (number) + NUMBER_DOTS_GAP);

  completion = ag_day_summary_get_completion (summary);
  if (completion != AG_COMPLETION_NONE)
    {
      float x = gtk_widget_get_width (widget) - MARK_MARGIN - MARK_SIZE;
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (x, MARK_MARGIN,
                                                                    MARK_SIZE, MARK_SIZE));

      cairo_translate (cr, x, MARK_MARGIN);
      draw_mark (widget, cr, MARK_SIZE, MARK_SIZE, completion);
      cairo_destroy (cr);
    }
}

static void
ag_day_face_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ag_day_face_parent_class)->dispose (object);
}

static void
ag_day_face_class_init (AgDayFaceClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ag_day_face_dispose;
  widget_class->measure = ag_day_face_measure;
  widget_class->size_allocate = ag_day_face_size_allocate;
  widget_class->snapshot = ag_day_face_snapshot;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
ag_day_face_init (AgDayFace *self)
{
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

  /* Classes go on the face, and "other month" is a plain opacity: a class on the button
   * would restyle its whole subtree, and a month switch changes 42 of them. */
  for (guint i = 0; i < G_N_ELEMENTS (phase_classes); i++)
    if (phase_classes[i] != NULL)
      set_class (self->face, phase_classes[i], i == phase);
  for (guint i = 0; i < G_N_ELEMENTS (completion_classes); i++)
    if (completion_classes[i] != NULL)
      set_class (self->face, completion_classes[i], i == completion);

  set_class (widget, "today", self->summary && ag_day_summary_get_is_today (self->summary));
  set_class (widget, "next-session",
             self->summary && ag_day_summary_get_is_next_session (self->summary));
  gtk_widget_set_opacity (widget, self->summary && !ag_day_summary_get_in_month (self->summary)
                                  ? OTHER_MONTH_OPACITY : 1.0);
  gtk_widget_set_sensitive (widget, self->summary != NULL);

  gtk_widget_queue_draw (self->face);
  gtk_widget_queue_draw (gtk_widget_get_first_child (self->face));

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

  g_type_ensure (AG_TYPE_DAY_NUMBER);
  g_type_ensure (AG_TYPE_DAY_FACE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/ag-calendar-day.ui");
}

static void
ag_calendar_day_init (AgCalendarDay *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->face = gtk_button_get_child (GTK_BUTTON (self));

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
  if (completion_classes[completion] != NULL)
    gtk_widget_add_css_class (area, completion_classes[completion]);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_legend_mark_cb,
                                  GINT_TO_POINTER (completion), NULL);

  return area;
}
