/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-diff-list.c: a GListModel base that replaces its items and signals only what changed. */

#define G_LOG_DOMAIN "ag-diff-list"

#include "config.h"

#include "ag-diff-list.h"

typedef struct
{
  /* owned */
  GPtrArray *items;
  GPtrArray *fingerprints;

  GType item_type;

  /* owned, set by ag_diff_list_follow_store() */
  AgStore *store;
  gulong store_handler;
  gulong clock_handler;
  AgStoreChange changes;
} AgDiffListPrivate;

static void ag_diff_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (AgDiffList, ag_diff_list, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (AgDiffList)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                         ag_diff_list_model_iface_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
ag_diff_list_get_item_type (GListModel *model)
{
  AgDiffListPrivate *priv = ag_diff_list_get_instance_private (AG_DIFF_LIST (model));

  return priv->item_type;
}

static guint
ag_diff_list_get_n_items (GListModel *model)
{
  AgDiffListPrivate *priv = ag_diff_list_get_instance_private (AG_DIFF_LIST (model));

  return priv->items->len;
}

static gpointer
ag_diff_list_get_item (GListModel *model,
                       guint       position)
{
  AgDiffListPrivate *priv = ag_diff_list_get_instance_private (AG_DIFF_LIST (model));

  if (position >= priv->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (priv->items, position));
}

static void
ag_diff_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ag_diff_list_get_item_type;
  iface->get_n_items = ag_diff_list_get_n_items;
  iface->get_item = ag_diff_list_get_item;
}

static void
store_changed_cb (AgDiffList    *self,
                  AgStoreChange  change,
                  AgStore       *store)
{
  AgDiffListPrivate *priv = ag_diff_list_get_instance_private (self);

  if (change & priv->changes)
    ag_diff_list_reload_or_warn (self);
}

static void
clock_changed_cb (AgDiffList *self,
                  AgClock    *clock)
{
  AgDiffListClass *klass = AG_DIFF_LIST_GET_CLASS (self);

  /* The time zone may have changed, which moves local wall-clock times. */
  if (klass->follows_clock == NULL || klass->follows_clock (self))
    ag_diff_list_reload_or_warn (self);
}

static void
ag_diff_list_dispose (GObject *object)
{
  AgDiffListPrivate *priv = ag_diff_list_get_instance_private (AG_DIFF_LIST (object));

  if (priv->store != NULL)
    {
      g_clear_signal_handler (&priv->clock_handler, ag_store_get_clock (priv->store));
      g_clear_signal_handler (&priv->store_handler, priv->store);
    }
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (ag_diff_list_parent_class)->dispose (object);
}

static void
ag_diff_list_finalize (GObject *object)
{
  AgDiffListPrivate *priv = ag_diff_list_get_instance_private (AG_DIFF_LIST (object));

  g_clear_pointer (&priv->items, g_ptr_array_unref);
  g_clear_pointer (&priv->fingerprints, g_ptr_array_unref);

  G_OBJECT_CLASS (ag_diff_list_parent_class)->finalize (object);
}

static void
ag_diff_list_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AgDiffListPrivate *priv = ag_diff_list_get_instance_private (AG_DIFF_LIST (object));

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, priv->item_type);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, priv->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_diff_list_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AgDiffListPrivate *priv = ag_diff_list_get_instance_private (AG_DIFF_LIST (object));

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      priv->item_type = g_value_get_gtype (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ag_diff_list_class_init (AgDiffListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ag_diff_list_dispose;
  object_class->finalize = ag_diff_list_finalize;
  object_class->get_property = ag_diff_list_get_property;
  object_class->set_property = ag_diff_list_set_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ag_diff_list_init (AgDiffList *self)
{
  AgDiffListPrivate *priv = ag_diff_list_get_instance_private (self);

  priv->items = g_ptr_array_new_with_free_func (g_object_unref);
  priv->fingerprints = g_ptr_array_new_with_free_func (g_free);
  priv->item_type = G_TYPE_OBJECT;
}

GType
ag_diff_list_get_item_type_for (AgDiffList *self)
{
  AgDiffListPrivate *priv;

  g_return_val_if_fail (AG_IS_DIFF_LIST (self), G_TYPE_INVALID);

  priv = ag_diff_list_get_instance_private (self);
  return priv->item_type;
}

/**
 * ag_diff_list_replace:
 * @items: (transfer none) (element-type GObject): the new contents, in order
 *
 * Makes @items the list's contents. Items at the start and the end whose fingerprints are
 * unchanged stay the same objects (refreshed in place); the one run in between that differs is
 * signalled with a single #GListModel::items-changed, or none if nothing differs.
 */
void
ag_diff_list_replace (AgDiffList *self,
                      GPtrArray  *items)
{
  AgDiffListPrivate *priv;
  AgDiffListClass *klass;
  g_autoptr(GPtrArray) fresh_prints = NULL;
  guint old_len;
  guint new_len;
  guint prefix = 0;
  guint suffix = 0;
  guint removed;
  guint added;

  g_return_if_fail (AG_IS_DIFF_LIST (self));
  g_return_if_fail (items != NULL);

  priv = ag_diff_list_get_instance_private (self);
  klass = AG_DIFF_LIST_GET_CLASS (self);
  old_len = priv->items->len;
  new_len = items->len;

  fresh_prints = g_ptr_array_new_full (new_len, g_free);
  for (guint i = 0; i < new_len; i++)
    g_ptr_array_add (fresh_prints, klass->fingerprint (self, g_ptr_array_index (items, i)));

  while (prefix < old_len && prefix < new_len &&
         g_str_equal (g_ptr_array_index (priv->fingerprints, prefix),
                      g_ptr_array_index (fresh_prints, prefix)))
    prefix++;

  while (suffix < old_len - prefix && suffix < new_len - prefix &&
         g_str_equal (g_ptr_array_index (priv->fingerprints, old_len - 1 - suffix),
                      g_ptr_array_index (fresh_prints, new_len - 1 - suffix)))
    suffix++;

  /* Kept items stay the same objects, so widgets bound to them keep their state. */
  if (klass->refresh != NULL)
    {
      for (guint i = 0; i < prefix; i++)
        klass->refresh (self, g_ptr_array_index (priv->items, i), g_ptr_array_index (items, i));
      for (guint i = 0; i < suffix; i++)
        klass->refresh (self,
                        g_ptr_array_index (priv->items, old_len - 1 - i),
                        g_ptr_array_index (items, new_len - 1 - i));
    }

  removed = old_len - prefix - suffix;
  added = new_len - prefix - suffix;

  if (removed == 0 && added == 0)
    return;

  g_ptr_array_remove_range (priv->items, prefix, removed);
  g_ptr_array_remove_range (priv->fingerprints, prefix, removed);
  for (guint i = 0; i < added; i++)
    {
      g_ptr_array_insert (priv->items, prefix + i,
                          g_object_ref (g_ptr_array_index (items, prefix + i)));
      g_ptr_array_insert (priv->fingerprints, prefix + i,
                          g_strdup (g_ptr_array_index (fresh_prints, prefix + i)));
    }

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * ag_diff_list_peek:
 *
 * Returns: (transfer none) (nullable): the item at @position, without a new reference
 */
gpointer
ag_diff_list_peek (AgDiffList *self,
                   guint       position)
{
  AgDiffListPrivate *priv;

  g_return_val_if_fail (AG_IS_DIFF_LIST (self), NULL);

  priv = ag_diff_list_get_instance_private (self);
  if (position >= priv->items->len)
    return NULL;

  return g_ptr_array_index (priv->items, position);
}

guint
ag_diff_list_get_size (AgDiffList *self)
{
  AgDiffListPrivate *priv;

  g_return_val_if_fail (AG_IS_DIFF_LIST (self), 0);

  priv = ag_diff_list_get_instance_private (self);
  return priv->items->len;
}

/**
 * ag_diff_list_follow_store:
 * @store: the store the list is built from
 * @changes: the kinds of change in @store that make the list reload
 * @follow_clock: whether a change of @store's clock makes it reload too (see
 *   #AgDiffListClass.follows_clock)
 *
 * Keeps the list in step with @store through #AgDiffListClass.reload, until it is disposed.
 * Call it once, from the subclass's constructor.
 */
void
ag_diff_list_follow_store (AgDiffList    *self,
                           AgStore       *store,
                           AgStoreChange  changes,
                           gboolean       follow_clock)
{
  AgDiffListPrivate *priv;

  g_return_if_fail (AG_IS_DIFF_LIST (self));
  g_return_if_fail (AG_IS_STORE (store));
  g_return_if_fail (AG_DIFF_LIST_GET_CLASS (self)->reload != NULL);

  priv = ag_diff_list_get_instance_private (self);
  g_return_if_fail (priv->store == NULL);

  priv->store = g_object_ref (store);
  priv->changes = changes;
  priv->store_handler = g_signal_connect_object (store, "changed",
                                                 G_CALLBACK (store_changed_cb), self,
                                                 G_CONNECT_SWAPPED);
  if (follow_clock)
    priv->clock_handler = g_signal_connect_object (ag_store_get_clock (store), "changed",
                                                   G_CALLBACK (clock_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
}

/**
 * ag_diff_list_reload_or_warn:
 *
 * Reloads the list through #AgDiffListClass.reload; on failure it keeps what it had and logs
 * a warning, for the callers that have no one to hand the error to.
 */
void
ag_diff_list_reload_or_warn (AgDiffList *self)
{
  AgDiffListClass *klass;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AG_IS_DIFF_LIST (self));

  klass = AG_DIFF_LIST_GET_CLASS (self);
  g_return_if_fail (klass->reload != NULL);

  if (!klass->reload (self, &error))
    g_warning ("Could not reload %s: %s", klass->what, error->message);
}
