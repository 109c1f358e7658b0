/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-treatment-list.c: the list model of the user's treatments, kept in step with the store. */

#define G_LOG_DOMAIN "ag-treatment-list"

#include "config.h"

#include "ag-treatment-list.h"

struct _AgTreatmentList
{
  AgDiffList parent_instance;

  /* owned */
  AgStore *store;
};

G_DEFINE_FINAL_TYPE (AgTreatmentList, ag_treatment_list, AG_TYPE_DIFF_LIST)

static char *
ag_treatment_list_fingerprint (AgDiffList *list,
                               gpointer    item)
{
  AgTreatment *treatment = item;

  return g_strdup_printf ("%" G_GINT64_FORMAT "|%u|%u|%s|%s|%u|%d",
                          ag_treatment_get_id (treatment),
                          ag_treatment_get_area (treatment),
                          ag_treatment_get_device (treatment),
                          ag_treatment_get_goal (treatment) ? ag_treatment_get_goal (treatment) : "",
                          ag_treatment_get_color (treatment) ? ag_treatment_get_color (treatment) : "",
                          ag_treatment_get_interval_weeks (treatment),
                          ag_treatment_get_interval_override (treatment));
}

static gboolean
ag_treatment_list_reload_list (AgDiffList  *list,
                               GError     **error)
{
  return ag_treatment_list_reload (AG_TREATMENT_LIST (list), error);
}

static void
ag_treatment_list_dispose (GObject *object)
{
  AgTreatmentList *self = (AgTreatmentList *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ag_treatment_list_parent_class)->dispose (object);
}

static void
ag_treatment_list_class_init (AgTreatmentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AgDiffListClass *list_class = AG_DIFF_LIST_CLASS (klass);

  object_class->dispose = ag_treatment_list_dispose;
  list_class->fingerprint = ag_treatment_list_fingerprint;
  list_class->reload = ag_treatment_list_reload_list;
  list_class->what = "the treatments";
}

static void
ag_treatment_list_init (AgTreatmentList *self)
{
}

/**
 * ag_treatment_list_new:
 * @store: the store to follow
 *
 * Returns: (transfer full): a model of the treatments that are not deleted, oldest first,
 *   loaded and then kept in step with @store
 */
AgTreatmentList *
ag_treatment_list_new (AgStore *store)
{
  AgTreatmentList *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (AG_IS_STORE (store), NULL);

  self = g_object_new (AG_TYPE_TREATMENT_LIST, "item-type", AG_TYPE_TREATMENT, NULL);
  self->store = g_object_ref (store);
  ag_diff_list_follow_store (AG_DIFF_LIST (self), store, AG_STORE_CHANGE_TREATMENTS, FALSE);
  if (!ag_treatment_list_reload (self, &error))
    g_warning ("Could not load the treatments: %s", error->message);

  return self;
}

/**
 * ag_treatment_list_reload:
 *
 * Reads the treatments again and signals what changed.
 *
 * Returns: %TRUE on success; on failure the list keeps what it had
 */
gboolean
ag_treatment_list_reload (AgTreatmentList  *self,
                          GError          **error)
{
  g_autoptr(GPtrArray) treatments = NULL;

  g_return_val_if_fail (AG_IS_TREATMENT_LIST (self), FALSE);

  treatments = ag_store_list_treatments (self->store, error);
  if (treatments == NULL)
    return FALSE;

  ag_diff_list_replace (AG_DIFF_LIST (self), treatments);

  return TRUE;
}

/**
 * ag_treatment_list_lookup:
 *
 * Returns: (transfer none) (nullable): the treatment with that id, if it is in the list
 */
AgTreatment *
ag_treatment_list_lookup (AgTreatmentList *self,
                          gint64           treatment_id)
{
  guint n;

  g_return_val_if_fail (AG_IS_TREATMENT_LIST (self), NULL);

  n = ag_diff_list_get_size (AG_DIFF_LIST (self));
  for (guint i = 0; i < n; i++)
    {
      AgTreatment *treatment = ag_diff_list_peek (AG_DIFF_LIST (self), i);

      if (ag_treatment_get_id (treatment) == treatment_id)
        return treatment;
    }

  return NULL;
}
