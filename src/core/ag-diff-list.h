/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-diff-list.h: a GListModel base that replaces its items and signals only what changed. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AG_TYPE_DIFF_LIST (ag_diff_list_get_type ())

G_DECLARE_DERIVABLE_TYPE (AgDiffList, ag_diff_list, AG, DIFF_LIST, GObject)

/**
 * AgDiffListClass:
 * @fingerprint: returns a string that is equal for two items exactly when a widget showing
 *   one would show the other the same way, apart from what @refresh updates in place
 * @refresh: (nullable): copies state that changes often (such as a tick) from @fresh onto
 *   @kept, the item already in the list, so widgets update through property notifications
 *
 * Subclasses build a new array of items whenever the store or their inputs change and hand it
 * to ag_diff_list_replace().
 */
struct _AgDiffListClass
{
  GObjectClass parent_class;

  char *(*fingerprint) (AgDiffList *self,
                        gpointer    item);
  void  (*refresh)     (AgDiffList *self,
                        gpointer    kept,
                        gpointer    fresh);
};

GType     ag_diff_list_get_item_type_for (AgDiffList *self);
void      ag_diff_list_replace           (AgDiffList *self,
                                          GPtrArray  *items);
gpointer  ag_diff_list_peek              (AgDiffList *self,
                                          guint       position);
guint     ag_diff_list_get_size          (AgDiffList *self);

G_END_DECLS
