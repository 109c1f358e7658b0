/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-test-widgets.h: what the app tests share: main-loop waits and widget look-ups. */

#pragma once

#include <adwaita.h>

#include "../core/ag-test-core.h"

G_BEGIN_DECLS

/**
 * AgTestWidgetMatch:
 * @widget: a widget in the tree
 * @data: what the caller passed to ag_test_find_widget()
 *
 * Returns: whether @widget is the one looked for
 */
typedef gboolean (*AgTestWidgetMatch) (GtkWidget     *widget,
                                       gconstpointer  data);

/**
 * AgTestCondition:
 * @data: what the caller passed to ag_test_wait_until()
 *
 * Returns: whether what the test waits for has happened
 */
typedef gboolean (*AgTestCondition) (gconstpointer data);

void       ag_test_spin_for              (guint              msec);
void       ag_test_wait_until            (AgTestCondition    done,
                                          gconstpointer      data);
void       ag_test_wait_until_mapped     (GtkWidget         *widget);

GtkWidget *ag_test_find_widget           (GtkWidget         *root,
                                          AgTestWidgetMatch  match,
                                          gconstpointer      data);
GtkWidget *ag_test_find_descendant       (GtkWidget         *root,
                                          GType              type);
void       ag_test_collect_descendants   (GtkWidget         *root,
                                          GType              type,
                                          GPtrArray         *found);
GtkWindow *ag_test_find_window_of_type   (GType              type);

G_END_DECLS
