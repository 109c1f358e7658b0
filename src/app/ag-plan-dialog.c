/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-plan-dialog.c: the "Plan a Treatment" dialog, which saves a series of sessions. */

#define G_LOG_DOMAIN "ag-plan-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-error.h"
#include "ag-plan-dialog.h"
#include "ag-plan.h"
#include "ag-treatment.h"
#include "ag-treatment-row.h"

struct _AgPlanDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwComboRow *area_row;
  GtkCalendar *calendar;
  GtkPopover *calendar_popover;
  AdwEntryRow *clinic_row;
  GtkBox *color_box;
  AdwEntryRow *date_row;
  AdwComboRow *device_row;
  AdwActionRow *depth_row;
  GtkSpinButton *depth_spin;
  AdwActionRow *duration_row;
  GtkSpinButton *duration_spin;
  GtkLabel *error_label;
  AdwEntryRow *goal_row;
  AdwActionRow *interval_row;
  GtkSpinButton *interval_spin;
  GtkCheckButton *override_check;
  AdwPreferencesGroup *preview_group;
  GtkListBox *preview_list;
  AdwActionRow *sessions_row;
  GtkSpinButton *sessions_spin;
  AdwEntryRow *time_row;
  GtkLabel *warning_label;

  /* owned */
  AgStore *store;
  AgProtocol *protocol;
  GtkStringList *preview_model;

  /* Set while the dialog changes its own widgets, so their signals do not loop back. */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (AgPlanDialog, ag_plan_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROTOCOL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PLANNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_preview_row (gpointer item,
                    gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
add_color_buttons (AgPlanDialog *self)
{
  GtkToggleButton *first = NULL;
  guint n_colors;
  const AgTreatmentColor *colors = ag_treatment_row_get_colors (&n_colors);

  /* The palette is the treatment row's, so the dot shows the colour picked here. */
  for (guint i = 0; i < n_colors; i++)
    {
      GtkWidget *button = ag_ui_color_button_new (&colors[i], _(colors[i].label), first);

      if (first == NULL)
        {
          first = GTK_TOGGLE_BUTTON (button);
          gtk_toggle_button_set_active (first, TRUE);
        }

      gtk_box_append (self->color_box, button);
    }
}

static const char *
get_selected_color (AgPlanDialog *self)
{
  guint n_colors;
  const AgTreatmentColor *colors = ag_treatment_row_get_colors (&n_colors);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->color_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const AgTreatmentColor *color = g_object_get_data (G_OBJECT (child), "ag-color");

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
        return color->hex;
    }

  return colors[0].hex;
}

static GtkStringList *
create_label_model (const char *(*get_label) (guint),
                    guint        n_values)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_values; i++)
    gtk_string_list_append (model, get_label (i));

  return model;
}

static const char *
get_area_label (guint area)
{
  return ag_area_get_label ((AgArea)area);
}

static const char *
get_device_label (guint device)
{
  return ag_device_get_label ((AgDevice)device);
}

static AgArea
get_area (AgPlanDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->area_row);

  return selected < AG_N_AREAS ? (AgArea)selected : AG_AREA_FACE;
}

static AgDevice
get_device (AgPlanDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->device_row);

  return selected < AG_N_DEVICES ? (AgDevice)selected : AG_DEVICE_ROLLER;
}

static guint
get_min_interval_weeks (AgPlanDialog *self)
{
  return ag_protocol_get_min_interval_weeks (self->protocol, get_area (self));
}

/* What the spin button shows, as the user types it: the spin button itself only takes
 * the text in when the user presses Enter or leaves the field, and the checks must
 * follow every keystroke. Reads the text the way GtkSpinButton does. */
static double
read_spin_value (GtkSpinButton *spin)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  double value;

  value = g_strtod (text, &end);
  if (end == text)
    return gtk_spin_button_get_value (spin);
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0')
    return gtk_spin_button_get_value (spin);

  return value;
}

static guint
read_spin_count (GtkSpinButton *spin)
{
  double value = read_spin_value (spin);

  if (value <= 0)
    return 0;
  if (value >= G_MAXUINT)
    return G_MAXUINT;

  return (guint)(value + 0.5);
}

static char *
dup_entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  if (text[0] == '\0')
    return NULL;

  return g_steal_pointer (&text);
}

/* Builds the plan from what the fields show. The plan has no first start if the date or
 * time cannot be read; @error then says why. */
static AgSeriesPlan *
build_plan (AgPlanDialog  *self,
            GError       **error)
{
  GTimeZone *tz = ag_clock_get_timezone (ag_store_get_clock (self->store));
  g_autoptr(GDateTime) first_start = NULL;
  g_autofree char *clinic = dup_entry_text (self->clinic_row);
  AgSeriesPlan *plan;

  ag_parse_local_date_time (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                            gtk_editable_get_text (GTK_EDITABLE (self->time_row)),
                            tz, &first_start, error);

  plan = ag_series_plan_new (first_start,
                             read_spin_count (self->sessions_spin),
                             read_spin_count (self->interval_spin));
  ag_series_plan_set_depth_mm (plan, read_spin_value (self->depth_spin));
  ag_series_plan_set_duration_minutes (plan, read_spin_count (self->duration_spin));
  ag_series_plan_set_clinic (plan, clinic);
  ag_series_plan_set_interval_override (plan,
                                        gtk_widget_get_visible (GTK_WIDGET (self->override_check)) &&
                                        gtk_check_button_get_active (self->override_check));

  return plan;
}

/* Which row a date error belongs to: the date if it cannot be read with any time. */
static GtkWidget *
get_date_error_row (AgPlanDialog *self)
{
  GTimeZone *tz = ag_clock_get_timezone (ag_store_get_clock (self->store));
  g_autoptr(GDateTime) noon = NULL;

  if (ag_parse_local_date_time (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                "12:00", tz, &noon, NULL))
    return GTK_WIDGET (self->time_row);

  return GTK_WIDGET (self->date_row);
}

static GtkWidget *
get_error_row (AgPlanDialog *self,
               const GError *error)
{
  if (error == NULL || error->domain != AG_PLAN_ERROR)
    return NULL;

  switch (error->code)
    {
    case AG_PLAN_ERROR_DEPTH:
      return GTK_WIDGET (self->depth_row);
    case AG_PLAN_ERROR_INTERVAL:
      return GTK_WIDGET (self->interval_row);
    case AG_PLAN_ERROR_COUNT:
      return GTK_WIDGET (self->sessions_row);
    case AG_PLAN_ERROR_DATE:
      return get_date_error_row (self);
    case AG_PLAN_ERROR_INVALID:
      return GTK_WIDGET (self->duration_row);
    default:
      return NULL;
    }
}

static void
show_error (AgPlanDialog *self,
            const char   *message,
            GtkWidget    *row)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->date_row),
    GTK_WIDGET (self->depth_row),
    GTK_WIDGET (self->duration_row),
    GTK_WIDGET (self->interval_row),
    GTK_WIDGET (self->sessions_row),
    GTK_WIDGET (self->time_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gboolean invalid = rows[i] == row;

      if (invalid)
        gtk_widget_add_css_class (rows[i], "error");
      else
        gtk_widget_remove_css_class (rows[i], "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (rows[i]),
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                           : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
      /* A screen reader reads the reason along with the field. */
      if (invalid)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (rows[i]),
                                        GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                        self->error_label, NULL,
                                        -1);
      else
        gtk_accessible_reset_relation (GTK_ACCESSIBLE (rows[i]),
                                       GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }

  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_warnings (AgPlanDialog       *self,
               const AgSeriesPlan *plan)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree char *joined = NULL;

  if (plan == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->warning_label), FALSE);
      return;
    }

  now = ag_clock_get_now (ag_store_get_clock (self->store));
  texts = ag_series_plan_dup_warning_texts (plan, now);
  g_ptr_array_add (texts, NULL);
  joined = g_strjoinv ("\n", (char **)texts->pdata);

  gtk_label_set_label (self->warning_label, joined);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), joined[0] != '\0');
}

static void
show_preview (AgPlanDialog       *self,
              const AgSeriesPlan *plan)
{
  g_autoptr(GPtrArray) dates = ag_series_plan_dup_dates (plan);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < dates->len; i++)
    {
      GDateTime *start = g_ptr_array_index (dates, i);
      /* Translators: the date of a planned session, like "Monday 23 November 2026";
       * see g_date_time_format() for the codes. */
      g_autofree char *day = g_date_time_format (start, _("%A %-d %B %Y"));
      g_autofree char *time = g_date_time_format (start, "%R");

      /* Translators: "Session 1 · Monday 23 November 2026 · 10:00" */
      g_ptr_array_add (texts, g_strdup_printf (_("Session %u · %s · %s"), i + 1, day, time));
    }
  g_ptr_array_add (texts, NULL);

  gtk_string_list_splice (self->preview_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->preview_model)),
                          (const char * const *)texts->pdata);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), dates->len > 0);
}

/* Checks the plan as the fields show it and shows the result. Returns whether it can be
 * saved. */
static gboolean
update_form (AgPlanDialog *self)
{
  g_autoptr(AgSeriesPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  guint min_interval = get_min_interval_weeks (self);
  guint interval = read_spin_count (self->interval_spin);
  gboolean short_interval;
  gboolean valid;

  self->updating = TRUE;

  /* The override is only offered, and only counts, while the interval is too short. */
  short_interval = read_spin_count (self->sessions_spin) > 1 &&
                   interval > 0 && interval < min_interval;
  if (!short_interval)
    gtk_check_button_set_active (self->override_check, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->override_check), short_interval);

  plan = build_plan (self, &error);
  valid = error == NULL && ag_series_plan_validate (plan, min_interval, &error);

  show_error (self, error != NULL ? error->message : NULL, get_error_row (self, error));
  show_warnings (self, valid ? plan : NULL);
  show_preview (self, plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.save", valid);

  self->updating = FALSE;

  return valid;
}

static void
prefill (AgPlanDialog *self)
{
  AgClock *clock = ag_store_get_clock (self->store);
  g_autoptr(GDateTime) now = ag_clock_get_now (clock);
  g_autoptr(GDateTime) tomorrow = ag_date_time_add_local_days (now, 1);
  g_autoptr(GtkStringList) areas = create_label_model (get_area_label, AG_N_AREAS);
  g_autoptr(GtkStringList) devices = create_label_model (get_device_label, AG_N_DEVICES);
  g_autofree char *date = NULL;

  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));
  adw_combo_row_set_model (self->device_row, G_LIST_MODEL (devices));

  if (tomorrow != NULL)
    date = g_date_time_format (tomorrow, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date != NULL ? date : "");
  /* The form ag_parse_local_date_time() reads, not a display format. */
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), "10:00");
}

static void
save (AgPlanDialog *self)
{
  g_autoptr(AgSeriesPlan) plan = NULL;
  g_autoptr(AgTreatment) treatment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *goal = NULL;

  if (!update_form (self))
    return;

  plan = build_plan (self, &error);
  g_assert (error == NULL);

  goal = dup_entry_text (self->goal_row);
  treatment = ag_treatment_new (get_area (self), get_device (self));
  ag_treatment_set_goal (treatment, goal);
  ag_treatment_set_color (treatment, get_selected_color (self));

  if (!ag_store_plan_treatment (self->store, treatment, plan,
                                get_min_interval_weeks (self), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Your plan was not saved. %s"),
                                                  error->message);

      g_debug ("Could not save a plan: %s", error->message);
      show_error (self, message, get_error_row (self, error));
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[PLANNED], 0, ag_treatment_get_id (treatment));
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save (AG_PLAN_DIALOG (widget));
}

static void
field_changed_cb (AgPlanDialog *self)
{
  if (self->updating || self->store == NULL)
    return;

  update_form (self);
}

static void
clinic_activated_cb (AgPlanDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "plan.save", NULL);
}

static void
calendar_popover_show_cb (AgPlanDialog *self)
{
  GTimeZone *tz = ag_clock_get_timezone (ag_store_get_clock (self->store));
  g_autoptr(GDateTime) date = NULL;

  if (!ag_parse_local_date_time (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                 "12:00", tz, &date, NULL))
    date = ag_clock_get_now (ag_store_get_clock (self->store));

  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->updating = FALSE;
}

static void
calendar_day_selected_cb (AgPlanDialog *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (self->updating)
    return;

  date = gtk_calendar_get_date (self->calendar);
  text = g_strdup_printf ("%04d-%02d-%02d",
                          g_date_time_get_year (date),
                          g_date_time_get_month (date),
                          g_date_time_get_day_of_month (date));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_popover_popdown (self->calendar_popover);
}

static void
ag_plan_dialog_constructed (GObject *object)
{
  AgPlanDialog *self = (AgPlanDialog *)object;

  G_OBJECT_CLASS (ag_plan_dialog_parent_class)->constructed (object);

  g_assert (AG_IS_STORE (self->store));
  g_assert (AG_IS_PROTOCOL (self->protocol));

  self->updating = TRUE;
  prefill (self);
  self->updating = FALSE;

  update_form (self);
}

static void
ag_plan_dialog_dispose (GObject *object)
{
  AgPlanDialog *self = (AgPlanDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_PLAN_DIALOG);
  g_clear_object (&self->preview_model);
  g_clear_object (&self->store);
  g_clear_object (&self->protocol);

  G_OBJECT_CLASS (ag_plan_dialog_parent_class)->dispose (object);
}

static void
ag_plan_dialog_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AgPlanDialog *self = AG_PLAN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PROTOCOL:
      g_value_set_object (value, self->protocol);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_plan_dialog_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AgPlanDialog *self = AG_PLAN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PROTOCOL:
      self->protocol = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_plan_dialog_class_init (AgPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ag_plan_dialog_constructed;
  object_class->dispose = ag_plan_dialog_dispose;
  object_class->get_property = ag_plan_dialog_get_property;
  object_class->set_property = ag_plan_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AG_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROTOCOL] =
    g_param_spec_object ("protocol", NULL, NULL,
                         AG_TYPE_PROTOCOL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AgPlanDialog::planned:
   * @self: the dialog
   * @treatment_id: the id of the treatment just saved
   *
   * Emitted once the treatment and all its sessions are saved, just before the dialog
   * closes.
   */
  signals[PLANNED] =
    g_signal_new ("planned",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/ag-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, clinic_row);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, color_box);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, depth_row);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, depth_spin);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, device_row);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, goal_row);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, interval_row);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, override_check);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, sessions_row);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, sessions_spin);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, AgPlanDialog, warning_label);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, clinic_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "plan.save", NULL, save_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "plan.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "plan.save", NULL);
}

static void
ag_plan_dialog_init (AgPlanDialog *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  self->preview_model = gtk_string_list_new (NULL);
  gtk_list_box_bind_model (self->preview_list, G_LIST_MODEL (self->preview_model),
                           create_preview_row, NULL, NULL);
  add_color_buttons (self);
}

/**
 * ag_plan_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: the store the plan is saved to; its clock decides what "tomorrow" is
 * @protocol: the protocol that says how many weeks each area needs between sessions
 *
 * Returns: (transfer full): a new dialog, not yet shown
 */
AgPlanDialog *
ag_plan_dialog_new (GtkWindow  *parent,
                    AgStore    *store,
                    AgProtocol *protocol)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AG_IS_STORE (store), NULL);
  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);

  return g_object_new (AG_TYPE_PLAN_DIALOG,
                       "store", store,
                       "protocol", protocol,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
