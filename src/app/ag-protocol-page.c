/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-protocol-page.c: the Aftercare Plan page of the Preferences window, where every value can change. */

#define G_LOG_DOMAIN "ag-protocol-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ag-error.h"
#include "ag-protocol-page.h"
#include "ag-types.h"
#include "ag-user-protocol.h"
#include "ag-ui-util.h"

/* The rows are built once from the protocol: its items are fixed for its lifetime, only
 * their numbers change. A protocol is not a list model, and a preferences page of a few
 * dozen rows is what AdwPreferencesGroup is for, so there is no GtkListView here.
 *
 * No spin button keeps a value of its own: each one knows which protocol value it shows
 * (a SpinTarget), writes through the protocol's setters, and is set again from the
 * protocol whenever AgProtocol::changed says a value moved, or when a change is refused. */

struct _AgProtocolPage
{
  AdwPreferencesPage parent_instance;

  /* template widgets */
  AdwPreferencesGroup *intervals_group;
  AdwPreferencesGroup *preps_group;
  GtkButton *restore_button;
  AdwPreferencesGroup *restrictions_group;
  AdwPreferencesGroup *tasks_group;

  /* owned */
  AgProtocol *protocol;
  AdwToast *toast;              /* the last one shown, replaced by the next */
  GPtrArray *spins;             /* GtkSpinButton *, each with a SpinTarget */
  GPtrArray *restriction_rows;  /* AdwExpanderRow *, each with its restriction kind */
  GPtrArray *task_rows;         /* AdwExpanderRow *, each with its task id */
};

G_DEFINE_FINAL_TYPE (AgProtocolPage, ag_protocol_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_PROTOCOL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  FIELD_RESTRICTION_HOURS,
  FIELD_TASK_FIRST_DAY,
  FIELD_TASK_LAST_DAY,
  FIELD_TASK_AFTER_HOURS,
  FIELD_TASK_REPEAT_FROM,
  FIELD_TASK_REPEAT_UNTIL,
  FIELD_TASK_REPEAT_EVERY,
  FIELD_PREP_DAYS_BEFORE,
  FIELD_MIN_INTERVAL_WEEKS,
} Field;

/* Which protocol value a spin button shows. */
typedef struct
{
  Field field;
  char *id;                     /* restriction kind, task id or preparation id */
  guint index;                  /* band or area */
} SpinTarget;

#define SPIN_TARGET_KEY "ag-spin-target"
#define TASK_ID_KEY "ag-task-id"
#define RESTRICTION_KIND_KEY "ag-restriction-kind"

static void
spin_target_free (SpinTarget *target)
{
  g_free (target->id);
  g_free (target);
}

static SpinTarget *
spin_target_new (Field       field,
                 const char *id,
                 guint       index)
{
  SpinTarget *target = g_new0 (SpinTarget, 1);

  target->field = field;
  target->id = g_strdup (id);
  target->index = index;

  return target;
}

static guint
read_value (AgProtocol       *protocol,
            const SpinTarget *target)
{
  const AgProtocolTask *task = NULL;

  if (target->field >= FIELD_TASK_FIRST_DAY && target->field <= FIELD_TASK_REPEAT_EVERY)
    {
      task = ag_protocol_find_task (protocol, target->id);
      g_assert (task != NULL);
    }

  switch (target->field)
    {
    case FIELD_RESTRICTION_HOURS:
      return ag_protocol_find_restriction (protocol, target->id)->hours[target->index];
    case FIELD_TASK_FIRST_DAY:
      return task->first_day;
    case FIELD_TASK_LAST_DAY:
      return task->last_day;
    case FIELD_TASK_AFTER_HOURS:
      return task->after_hours;
    case FIELD_TASK_REPEAT_FROM:
      return task->repeat_from;
    case FIELD_TASK_REPEAT_UNTIL:
      return task->repeat_until;
    case FIELD_TASK_REPEAT_EVERY:
      return task->repeat_every;
    case FIELD_PREP_DAYS_BEFORE:
      return ag_protocol_find_prep (protocol, target->id)->days_before;
    case FIELD_MIN_INTERVAL_WEEKS:
      return ag_protocol_get_min_interval_weeks (protocol, target->index);
    default:
      g_assert_not_reached ();
    }
}

/* Values that go together (first and last day, the repeat hours) are written as a whole,
 * with the other values as the protocol has them. */
static gboolean
write_value (AgProtocol        *protocol,
             const SpinTarget  *target,
             guint              value,
             GError           **error)
{
  const AgProtocolTask *task = NULL;

  if (target->field >= FIELD_TASK_FIRST_DAY && target->field <= FIELD_TASK_REPEAT_EVERY)
    task = ag_protocol_find_task (protocol, target->id);

  switch (target->field)
    {
    case FIELD_RESTRICTION_HOURS:
      return ag_protocol_set_restriction_hours (protocol, target->id, target->index, value, error);
    case FIELD_TASK_FIRST_DAY:
      return ag_protocol_set_task_days (protocol, target->id, value, task->last_day, error);
    case FIELD_TASK_LAST_DAY:
      return ag_protocol_set_task_days (protocol, target->id, task->first_day, value, error);
    case FIELD_TASK_AFTER_HOURS:
      return ag_protocol_set_task_after_hours (protocol, target->id, value, error);
    case FIELD_TASK_REPEAT_FROM:
      return ag_protocol_set_task_repeat (protocol, target->id, value, task->repeat_until,
                                          task->repeat_every, error);
    case FIELD_TASK_REPEAT_UNTIL:
      return ag_protocol_set_task_repeat (protocol, target->id, task->repeat_from, value,
                                          task->repeat_every, error);
    case FIELD_TASK_REPEAT_EVERY:
      return ag_protocol_set_task_repeat (protocol, target->id, task->repeat_from,
                                          task->repeat_until, value, error);
    case FIELD_PREP_DAYS_BEFORE:
      return ag_protocol_set_prep_days_before (protocol, target->id, value, error);
    case FIELD_MIN_INTERVAL_WEEKS:
      return ag_protocol_set_min_interval_weeks (protocol, target->index, value, error);
    default:
      g_assert_not_reached ();
    }
}

/* The setters speak of ranges; the person at the screen thinks of their care plan. */
static char *
describe_refusal (AgProtocolPage   *self,
                  const SpinTarget *target,
                  const GError     *error)
{
  const AgProtocolTask *task = NULL;

  if (target->field >= FIELD_TASK_FIRST_DAY && target->field <= FIELD_TASK_REPEAT_EVERY)
    task = ag_protocol_find_task (self->protocol, target->id);

  if (g_error_matches (error, AG_PROTOCOL_ERROR, AG_PROTOCOL_ERROR_OUT_OF_RANGE))
    {
      switch (target->field)
        {
        case FIELD_TASK_FIRST_DAY:
        case FIELD_TASK_LAST_DAY:
          /* Translators: %s is a care task, such as "Gentle cleanser". */
          return g_strdup_printf (_("The last day of “%s” cannot come before its first day."),
                                  task->title);
        case FIELD_TASK_REPEAT_FROM:
        case FIELD_TASK_REPEAT_UNTIL:
          /* Translators: %s is a care task, such as "Sunscreen". */
          return g_strdup_printf (_("The last reminder for “%s” cannot come before the first one."),
                                  task->title);
        default:
          break;
        }
    }

  return g_strdup (error->message);
}

static void
show_toast (AgProtocolPage *self,
            const char     *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast = adw_toast_new (markup);
  GtkWidget *label = gtk_label_new (message);

  /* A toast's own title is one ellipsized line; these messages must be read in full,
   * even 360 pixels wide. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  gtk_widget_set_hexpand (label, TRUE);
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 8);

  /* Only the latest problem matters: an older message must not queue in front of it. */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_object (&self->toast, toast);

  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), toast);
  else if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_warning ("%s", message);
      g_object_unref (toast);
    }
}

static void spin_value_changed_cb (GtkSpinButton  *spin,
                                   AgProtocolPage *self);

static void
sync_spin (AgProtocolPage *self,
           GtkSpinButton  *spin)
{
  const SpinTarget *target = g_object_get_data (G_OBJECT (spin), SPIN_TARGET_KEY);

  g_signal_handlers_block_by_func (spin, spin_value_changed_cb, self);
  /* Also writes the text again when the value is already the same. */
  gtk_spin_button_set_value (spin, read_value (self->protocol, target));
  g_signal_handlers_unblock_by_func (spin, spin_value_changed_cb, self);
}

static char *
describe_task_days (const AgProtocolTask *task)
{
  if (task->first_day == task->last_day && task->first_day == 0)
    return g_strdup (_("On the day of the session"));
  if (task->first_day == task->last_day)
    return g_strdup_printf (_("On day %u"), task->first_day);
  if (task->first_day == 0)
    return g_strdup_printf (_("From the day of the session to day %u"), task->last_day);

  return g_strdup_printf (_("From day %u to day %u"), task->first_day, task->last_day);
}

/* "24 h · 48 h · 72 h": the hours of every band at a glance, shallow to deep. */
static char *
describe_restriction_hours (AgProtocol                  *protocol,
                            const AgProtocolRestriction *restriction)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint band = 0; band < ag_protocol_get_n_bands (protocol); band++)
    {
      if (band > 0)
        g_string_append (text, " · ");
      /* Translators: a number of hours, kept short; %u is the number. */
      g_string_append_printf (text, _("%u h"), restriction->hours[band]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
sync_from_protocol (AgProtocolPage *self)
{
  g_autofree char *path = ag_user_protocol_dup_path ();

  for (guint i = 0; i < self->spins->len; i++)
    sync_spin (self, g_ptr_array_index (self->spins, i));

  for (guint i = 0; i < self->restriction_rows->len; i++)
    {
      AdwExpanderRow *row = g_ptr_array_index (self->restriction_rows, i);
      const char *kind = g_object_get_data (G_OBJECT (row), RESTRICTION_KIND_KEY);
      const AgProtocolRestriction *restriction = ag_protocol_find_restriction (self->protocol, kind);
      g_autofree char *summary = describe_restriction_hours (self->protocol, restriction);

      adw_expander_row_set_subtitle (row, summary);
    }

  for (guint i = 0; i < self->task_rows->len; i++)
    {
      AdwExpanderRow *row = g_ptr_array_index (self->task_rows, i);
      const char *id = g_object_get_data (G_OBJECT (row), TASK_ID_KEY);
      g_autofree char *summary = describe_task_days (ag_protocol_find_task (self->protocol, id));

      adw_expander_row_set_subtitle (row, summary);
    }

  /* Without a file of changes the page already shows the defaults. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button),
                            g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK));
}

static char *
format_hour (guint hour)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (2000, 1, 1, hour, 0, 0);

  return g_date_time_format (time, "%R");
}

/* The repeat spin buttons hold an hour of the day and show it as a time. */
static gboolean
hour_spin_output_cb (GtkSpinButton *spin)
{
  guint hour = (guint) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = format_hour (hour);

  gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static int
hour_spin_input_cb (GtkSpinButton *spin,
                    double        *new_value)
{
  guint hours;
  guint minutes;

  /* Only whole hours: the protocol counts repeats by the hour. */
  if (!ag_ui_parse_time_of_day (gtk_editable_get_text (GTK_EDITABLE (spin)), &hours, &minutes) ||
      minutes != 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (spin));
      return GTK_INPUT_ERROR;
    }

  *new_value = hours;

  return TRUE;
}

static void
spin_value_changed_cb (GtkSpinButton  *spin,
                       AgProtocolPage *self)
{
  const SpinTarget *target = g_object_get_data (G_OBJECT (spin), SPIN_TARGET_KEY);
  g_autoptr(GError) error = NULL;
  guint old_value = read_value (self->protocol, target);
  guint new_value = (guint) gtk_spin_button_get_value_as_int (spin);

  if (new_value == old_value)
    return;

  if (!write_value (self->protocol, target, new_value, &error))
    {
      g_autofree char *message = describe_refusal (self, target, error);

      show_toast (self, message);
      sync_spin (self, spin);
      return;
    }

  if (!ag_user_protocol_save (self->protocol, &error))
    {
      /* Show what is on disk: the old value comes back through ::changed. */
      show_toast (self, error->message);
      write_value (self->protocol, target, old_value, NULL);
      return;
    }

  sync_from_protocol (self);
}

static void
protocol_changed_cb (AgProtocolPage *self)
{
  sync_from_protocol (self);
}

static void
restore_response_cb (AgProtocolPage   *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  g_autoptr(AgProtocol) standard = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "restore"))
    return;

  if (!ag_user_protocol_reset (&error) ||
      (standard = ag_protocol_load_default (&error)) == NULL ||
      !ag_user_protocol_copy_values (self->protocol, standard, &error))
    {
      show_toast (self, error->message);
      sync_from_protocol (self);
      return;
    }

  sync_from_protocol (self);
  show_toast (self, _("The standard aftercare plan is back."));
}

static void
restore_button_clicked_cb (AgProtocolPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Restore Defaults?"),
                                                       _("Every value on this page goes back to "
                                                         "the standard aftercare plan. If your "
                                                         "practitioner gave you other "
                                                         "instructions, keep to those.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore Defaults"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One row with a number: @title and @subtitle for the eye, @accessible_label for a screen
 * reader, which hears the spin button without its row. */
static AdwActionRow *
create_spin_row (AgProtocolPage *self,
                 const char     *title,
                 const char     *subtitle,
                 const char     *accessible_label,
                 guint           lower,
                 guint           upper,
                 guint           page,
                 SpinTarget     *target)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);
  gboolean hour_of_day = target->field == FIELD_TASK_REPEAT_FROM ||
                         target->field == FIELD_TASK_REPEAT_UNTIL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_increments (GTK_SPIN_BUTTON (spin), 1, page);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), !hour_of_day);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), hour_of_day ? 5 : 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (spin), SPIN_TARGET_KEY, target,
                          (GDestroyNotify) spin_target_free);

  if (hour_of_day)
    {
      g_signal_connect (spin, "output", G_CALLBACK (hour_spin_output_cb), NULL);
      g_signal_connect (spin, "input", G_CALLBACK (hour_spin_input_cb), NULL);
    }

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), read_value (self->protocol, target));
  g_signal_connect (spin, "value-changed", G_CALLBACK (spin_value_changed_cb), self);

  adw_action_row_add_suffix (row, spin);
  adw_action_row_set_activatable_widget (row, spin);
  g_ptr_array_add (self->spins, g_object_ref (spin));

  return row;
}

static char *
describe_band (AgProtocol *protocol,
               guint       index)
{
  const AgProtocolBand *band = ag_protocol_get_band (protocol, index);
  guint n_bands = ag_protocol_get_n_bands (protocol);

  if (n_bands == 1)
    return g_strdup (_("Any needle depth"));

  if (index == 0)
    /* Translators: a needle-depth band; %g is a depth in millimetres, such as 0.5. */
    return g_strdup_printf (_("Up to %g mm"), band->to_mm);
  if (index == n_bands - 1)
    /* Translators: a needle-depth band; %g is a depth in millimetres, such as 1.5. */
    return g_strdup_printf (_("Above %g mm"), band->from_mm);

  /* Translators: a needle-depth band; each %g is a depth in millimetres. */
  return g_strdup_printf (_("%g to %g mm"), band->from_mm, band->to_mm);
}

static void
build_restrictions (AgProtocolPage *self)
{
  for (guint i = 0; i < ag_protocol_get_n_restrictions (self->protocol); i++)
    {
      const AgProtocolRestriction *restriction = ag_protocol_get_restriction (self->protocol, i);
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), restriction->title);
      g_object_set_data_full (G_OBJECT (expander), RESTRICTION_KIND_KEY,
                              g_strdup (restriction->kind), g_free);

      for (guint band = 0; band < ag_protocol_get_n_bands (self->protocol); band++)
        {
          g_autofree char *depth = describe_band (self->protocol, band);
          /* Translators: what a screen reader says for a number of hours; the first %s is a
           * restriction ("No makeup"), the second a needle depth ("Up to 0.5 mm"). */
          g_autofree char *label = g_strdup_printf (_("%s, %s: hours after the session"),
                                                    restriction->title, depth);
          AdwActionRow *row;

          row = create_spin_row (self, depth, NULL, label, 0, AG_PROTOCOL_MAX_HOURS, 24,
                                 spin_target_new (FIELD_RESTRICTION_HOURS, restriction->kind,
                                                  band));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (row));
        }

      g_ptr_array_add (self->restriction_rows, g_object_ref (expander));
      adw_preferences_group_add (self->restrictions_group, expander);
    }
}

static void
add_task_row (AgProtocolPage       *self,
              GtkWidget            *expander,
              const AgProtocolTask *task,
              Field                 field,
              const char           *title,
              const char           *subtitle,
              const char           *label,
              guint                 lower,
              guint                 upper,
              guint                 page)
{
  AdwActionRow *row;

  row = create_spin_row (self, title, subtitle, label, lower, upper, page,
                         spin_target_new (field, task->id, 0));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (row));
}

static void
build_tasks (AgProtocolPage *self)
{
  for (guint i = 0; i < ag_protocol_get_n_tasks (self->protocol); i++)
    {
      const AgProtocolTask *task = ag_protocol_get_task (self->protocol, i);
      GtkWidget *expander = adw_expander_row_new ();
      gboolean after_session = (task->slots & AG_SLOT_AFTER_SESSION) != 0;
      /* Translators: for a screen reader; %s is a care task, such as "Gentle cleanser". */
      g_autofree char *first_label = g_strdup_printf (_("%s: first day"), task->title);
      /* Translators: for a screen reader; %s is a care task, such as "Gentle cleanser". */
      g_autofree char *last_label = g_strdup_printf (_("%s: last day"), task->title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), task->title);
      g_object_set_data_full (G_OBJECT (expander), TASK_ID_KEY, g_strdup (task->id), g_free);

      /* A task done some hours after the session can only start on the session's day. */
      add_task_row (self, expander, task, FIELD_TASK_FIRST_DAY, _("First Day"),
                    after_session ? _("Always the day of the session") : NULL,
                    first_label, 0, after_session ? 0 : AG_PROTOCOL_MAX_DAY, 7);
      add_task_row (self, expander, task, FIELD_TASK_LAST_DAY, _("Last Day"), NULL,
                    last_label, 0, AG_PROTOCOL_MAX_DAY, 7);

      if (after_session)
        {
          /* Translators: for a screen reader; %s is a care task, such as "First gentle wash". */
          g_autofree char *label = g_strdup_printf (_("%s: hours after the session"), task->title);

          add_task_row (self, expander, task, FIELD_TASK_AFTER_HOURS, _("Hours After the Session"),
                        NULL, label, 0, 23, 1);
        }

      if ((task->slots & AG_SLOT_REPEAT) != 0)
        {
          /* Translators: for a screen reader; %s is a care task, such as "Sunscreen". */
          g_autofree char *from_label = g_strdup_printf (_("%s: first reminder of the day"),
                                                         task->title);
          /* Translators: for a screen reader; %s is a care task, such as "Sunscreen". */
          g_autofree char *until_label = g_strdup_printf (_("%s: last reminder of the day"),
                                                          task->title);
          /* Translators: for a screen reader; %s is a care task, such as "Sunscreen". */
          g_autofree char *every_label = g_strdup_printf (_("%s: hours between reminders"),
                                                          task->title);

          add_task_row (self, expander, task, FIELD_TASK_REPEAT_FROM, _("First Reminder"),
                        _("Repeated during the day from this time"), from_label, 0, 23, 1);
          add_task_row (self, expander, task, FIELD_TASK_REPEAT_UNTIL, _("Last Reminder"), NULL,
                        until_label, 0, 23, 1);
          add_task_row (self, expander, task, FIELD_TASK_REPEAT_EVERY,
                        _("Hours Between Reminders"), NULL, every_label, 1, 12, 1);
        }

      g_ptr_array_add (self->task_rows, g_object_ref (expander));
      adw_preferences_group_add (self->tasks_group, expander);
    }
}

static void
build_preps (AgProtocolPage *self)
{
  for (guint i = 0; i < ag_protocol_get_n_preps (self->protocol); i++)
    {
      const AgProtocolPrep *prep = ag_protocol_get_prep (self->protocol, i);
      /* Translators: for a screen reader; %s is a preparation step. */
      g_autofree char *label = g_strdup_printf (_("%s: days before the session"), prep->title);
      AdwActionRow *row;

      row = create_spin_row (self, prep->title, _("Days before the session"), label,
                             0, AG_PROTOCOL_MAX_DAYS_BEFORE, 7,
                             spin_target_new (FIELD_PREP_DAYS_BEFORE, prep->id, 0));
      adw_preferences_group_add (self->preps_group, GTK_WIDGET (row));
    }
}

static void
build_intervals (AgProtocolPage *self)
{
  for (guint area = 0; area < AG_N_AREAS; area++)
    {
      const char *name = ag_area_get_label (area);
      /* Translators: for a screen reader; %s is a treatment area, such as "Face". */
      g_autofree char *label = g_strdup_printf (_("%s: fewest weeks between sessions"), name);
      AdwActionRow *row;

      row = create_spin_row (self, name, _("Weeks, at least"), label, 1, AG_PROTOCOL_MAX_WEEKS, 4,
                             spin_target_new (FIELD_MIN_INTERVAL_WEEKS, NULL, area));
      adw_preferences_group_add (self->intervals_group, GTK_WIDGET (row));
    }
}

static void
ag_protocol_page_constructed (GObject *object)
{
  AgProtocolPage *self = (AgProtocolPage *)object;

  G_OBJECT_CLASS (ag_protocol_page_parent_class)->constructed (object);

  g_assert (AG_IS_PROTOCOL (self->protocol));

  build_restrictions (self);
  build_tasks (self);
  build_preps (self);
  build_intervals (self);

  g_signal_connect_object (self->protocol, "changed", G_CALLBACK (protocol_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sync_from_protocol (self);
}

static void
ag_protocol_page_dispose (GObject *object)
{
  AgProtocolPage *self = (AgProtocolPage *)object;

  if (self->protocol != NULL)
    g_signal_handlers_disconnect_by_func (self->protocol, protocol_changed_cb, self);

  g_clear_pointer (&self->spins, g_ptr_array_unref);
  g_clear_pointer (&self->restriction_rows, g_ptr_array_unref);
  g_clear_pointer (&self->task_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), AG_TYPE_PROTOCOL_PAGE);
  g_clear_object (&self->protocol);
  g_clear_object (&self->toast);

  G_OBJECT_CLASS (ag_protocol_page_parent_class)->dispose (object);
}

static void
ag_protocol_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AgProtocolPage *self = AG_PROTOCOL_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROTOCOL:
      g_value_set_object (value, self->protocol);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_protocol_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AgProtocolPage *self = AG_PROTOCOL_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROTOCOL:
      self->protocol = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_protocol_page_class_init (AgProtocolPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ag_protocol_page_constructed;
  object_class->dispose = ag_protocol_page_dispose;
  object_class->get_property = ag_protocol_page_get_property;
  object_class->set_property = ag_protocol_page_set_property;

  properties[PROP_PROTOCOL] =
    g_param_spec_object ("protocol", NULL, NULL,
                         AG_TYPE_PROTOCOL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/ag-protocol-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AgProtocolPage, intervals_group);
  gtk_widget_class_bind_template_child (widget_class, AgProtocolPage, preps_group);
  gtk_widget_class_bind_template_child (widget_class, AgProtocolPage, restore_button);
  gtk_widget_class_bind_template_child (widget_class, AgProtocolPage, restrictions_group);
  gtk_widget_class_bind_template_child (widget_class, AgProtocolPage, tasks_group);
  gtk_widget_class_bind_template_callback (widget_class, restore_button_clicked_cb);
}

static void
ag_protocol_page_init (AgProtocolPage *self)
{
  self->spins = g_ptr_array_new_with_free_func (g_object_unref);
  self->restriction_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->task_rows = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ag_protocol_page_new:
 * @protocol: the protocol in use, as loaded by ag_user_protocol_load()
 *
 * Creates the Aftercare Plan page for an #AdwPreferencesWindow. Each change goes through
 * the protocol's setters and is saved at once with ag_user_protocol_save(); a refused or
 * failed change shows a toast on the window and the value as it was.
 *
 * Returns: (transfer floating): a new page
 */
AgProtocolPage *
ag_protocol_page_new (AgProtocol *protocol)
{
  g_return_val_if_fail (AG_IS_PROTOCOL (protocol), NULL);

  return g_object_new (AG_TYPE_PROTOCOL_PAGE,
                       "protocol", protocol,
                       NULL);
}

/**
 * ag_protocol_page_get_protocol:
 *
 * Returns: (transfer none): the protocol the page edits
 */
AgProtocol *
ag_protocol_page_get_protocol (AgProtocolPage *self)
{
  g_return_val_if_fail (AG_IS_PROTOCOL_PAGE (self), NULL);
  return self->protocol;
}
