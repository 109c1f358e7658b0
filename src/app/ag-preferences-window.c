/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-preferences-window.c: the Preferences window, bound to Afterglow's settings. */

#define G_LOG_DOMAIN "ag-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-preferences-window.h"
#include "ag-protocol-page.h"
#include "ag-ui-util.h"

struct _AgPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  GtkSpinButton *evening_time_spin;
  GtkSpinButton *morning_time_spin;
  AdwExpanderRow *quiet_hours_row;
  GtkSpinButton *quiet_end_spin;
  GtkSpinButton *quiet_start_spin;
  GtkSwitch *remind_appointment_switch;
  GtkSwitch *remind_booking_switch;
  GtkSwitch *remind_care_switch;
  GtkSwitch *remind_cleansing_switch;
  GtkSwitch *remind_exercise_switch;
  GtkSwitch *remind_preparation_switch;
  GtkSwitch *remind_restrictions_switch;
  GtkSwitch *remind_sunscreen_switch;
  GtkSpinButton *snooze_spin;
  GtkSwitch *start_at_login_switch;
  GtkSpinButton *sunscreen_interval_spin;

  /* owned */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (AgPreferencesWindow, ag_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The time spin buttons hold minutes after midnight and show them as a time of day. */
static gboolean
time_spin_output_cb (GtkSpinButton *spin)
{
  int minutes = (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);

  gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static int
time_spin_input_cb (GtkSpinButton *spin,
                    double        *new_value)
{
  guint hours;
  guint minutes;

  if (!ag_ui_parse_time_of_day (gtk_editable_get_text (GTK_EDITABLE (spin)), &hours, &minutes))
    {
      gtk_widget_error_bell (GTK_WIDGET (spin));
      return GTK_INPUT_ERROR;
    }

  *new_value = hours * 60 + minutes;

  return TRUE;
}

static void
bind_settings (AgPreferencesWindow *self)
{
  static const struct {
    const char *key;
    gsize offset;
    const char *property;
  } bindings[] = {
    { "morning-time", G_STRUCT_OFFSET (AgPreferencesWindow, morning_time_spin), "value" },
    { "evening-time", G_STRUCT_OFFSET (AgPreferencesWindow, evening_time_spin), "value" },
    { "start-reminders-at-login", G_STRUCT_OFFSET (AgPreferencesWindow, start_at_login_switch), "active" },
    { "snooze-minutes", G_STRUCT_OFFSET (AgPreferencesWindow, snooze_spin), "value" },
    { "sunscreen-interval-hours", G_STRUCT_OFFSET (AgPreferencesWindow, sunscreen_interval_spin), "value" },
    { "quiet-hours-enabled", G_STRUCT_OFFSET (AgPreferencesWindow, quiet_hours_row), "enable-expansion" },
    { "quiet-hours-start", G_STRUCT_OFFSET (AgPreferencesWindow, quiet_start_spin), "value" },
    { "quiet-hours-end", G_STRUCT_OFFSET (AgPreferencesWindow, quiet_end_spin), "value" },
    { "remind-sunscreen", G_STRUCT_OFFSET (AgPreferencesWindow, remind_sunscreen_switch), "active" },
    { "remind-cleansing", G_STRUCT_OFFSET (AgPreferencesWindow, remind_cleansing_switch), "active" },
    { "remind-care", G_STRUCT_OFFSET (AgPreferencesWindow, remind_care_switch), "active" },
    { "remind-exercise", G_STRUCT_OFFSET (AgPreferencesWindow, remind_exercise_switch), "active" },
    { "remind-restrictions", G_STRUCT_OFFSET (AgPreferencesWindow, remind_restrictions_switch), "active" },
    { "remind-preparation", G_STRUCT_OFFSET (AgPreferencesWindow, remind_preparation_switch), "active" },
    { "remind-appointment", G_STRUCT_OFFSET (AgPreferencesWindow, remind_appointment_switch), "active" },
    { "remind-booking", G_STRUCT_OFFSET (AgPreferencesWindow, remind_booking_switch), "active" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    {
      GObject *widget = G_STRUCT_MEMBER (GObject *, self, bindings[i].offset);

      g_settings_bind (self->settings, bindings[i].key,
                       widget, bindings[i].property,
                       G_SETTINGS_BIND_DEFAULT);
    }
}

static void
ag_preferences_window_constructed (GObject *object)
{
  AgPreferencesWindow *self = (AgPreferencesWindow *)object;

  G_OBJECT_CLASS (ag_preferences_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  bind_settings (self);
}

static void
ag_preferences_window_dispose (GObject *object)
{
  AgPreferencesWindow *self = (AgPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ag_preferences_window_parent_class)->dispose (object);
}

static void
ag_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AgPreferencesWindow *self = AG_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AgPreferencesWindow *self = AG_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_preferences_window_class_init (AgPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ag_preferences_window_constructed;
  object_class->dispose = ag_preferences_window_dispose;
  object_class->get_property = ag_preferences_window_get_property;
  object_class->set_property = ag_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/ag-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, evening_time_spin);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, morning_time_spin);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, quiet_end_spin);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, quiet_hours_row);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, quiet_start_spin);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, remind_appointment_switch);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, remind_booking_switch);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, remind_care_switch);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, remind_cleansing_switch);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, remind_exercise_switch);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, remind_preparation_switch);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, remind_restrictions_switch);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, remind_sunscreen_switch);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, snooze_spin);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, start_at_login_switch);
  gtk_widget_class_bind_template_child (widget_class, AgPreferencesWindow, sunscreen_interval_spin);
  gtk_widget_class_bind_template_callback (widget_class, time_spin_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_spin_output_cb);
}

static void
ag_preferences_window_init (AgPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ag_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: Afterglow's settings, which every control on the first page is bound to
 * @protocol: (nullable): the aftercare protocol whose values the second page edits
 *
 * Returns: (transfer full): a new Preferences window
 */
AgPreferencesWindow *
ag_preferences_window_new (GtkWindow  *parent,
                           GSettings  *settings,
                           AgProtocol *protocol)
{
  AgPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (protocol == NULL || AG_IS_PROTOCOL (protocol), NULL);

  self = g_object_new (AG_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);

  if (protocol != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (ag_protocol_page_new (protocol)));

  return self;
}
