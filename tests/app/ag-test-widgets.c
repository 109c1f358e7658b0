/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-test-widgets.c: what the app tests share: main-loop waits and widget look-ups. */

#define G_LOG_DOMAIN "ag-test-widgets"

#include "config.h"

#include "ag-test-widgets.h"

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/**
 * ag_test_spin_for:
 * @msec: how long to run the main loop, in milliseconds
 *
 * Runs the default main context for @msec without blocking, so timeouts and
 * animations of that length have run when it returns.
 */
void
ag_test_spin_for (guint msec)
{
  gint64 deadline = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  /* On a busy machine the process may have slept past the deadline with timeouts that are
   * now due: run everything that is ready, so they have run whatever the load. */
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/**
 * ag_test_wait_until:
 * @done: tells whether what the test waits for has happened
 * @data: passed to @done
 *
 * Runs the main loop until @done says so. The guard of a minute is only there so a broken
 * test ends: a slow machine (or a sanitizer build) waits as long as it takes, and no test
 * depends on how long anything took.
 */
void
ag_test_wait_until (AgTestCondition done,
                    gconstpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  g_assert_true (done (data));
}

static gboolean
is_mapped (gconstpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

/**
 * ag_test_wait_until_mapped:
 * @widget: a widget in a presented window
 *
 * Runs the main loop until @widget is mapped (see ag_test_wait_until()).
 */
void
ag_test_wait_until_mapped (GtkWidget *widget)
{
  ag_test_wait_until (is_mapped, widget);
}

/**
 * ag_test_find_widget:
 * @root: where to look below
 * @match: tells the widget looked for
 * @data: passed to @match
 *
 * Walks the tree below @root depth first, in the order the children stand.
 *
 * Returns: (transfer none) (nullable): the first descendant @match accepts
 */
GtkWidget *
ag_test_find_widget (GtkWidget         *root,
                     AgTestWidgetMatch  match,
                     gconstpointer      data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      if ((found = ag_test_find_widget (child, match, data)) != NULL)
        return found;
    }

  return NULL;
}

/**
 * ag_test_find_descendant:
 * @root: where to look below
 * @type: the type looked for
 *
 * Returns: (transfer none) (nullable): the first descendant of @type
 */
GtkWidget *
ag_test_find_descendant (GtkWidget *root,
                         GType      type)
{
  return ag_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

/**
 * ag_test_collect_descendants:
 * @root: where to look below
 * @type: the type looked for
 * @found: (element-type GtkWidget): gets every descendant of @type, depth first
 */
void
ag_test_collect_descendants (GtkWidget *root,
                             GType      type,
                             GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      ag_test_collect_descendants (child, type, found);
    }
}

/**
 * ag_test_find_window_of_type:
 * @type: a window type
 *
 * Returns: (transfer none) (nullable): the first visible toplevel of @type
 */
GtkWindow *
ag_test_find_window_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}
