/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-check-paintable.c: a check mark icon drawn in the text colour of where it is shown, as
 * a symbolic icon is. The day view shows it large for a day with nothing to do: drawing it
 * spares loading an SVG renderer before the window's first frame. It is the calendar's mark
 * for a complete checklist. */

#define G_LOG_DOMAIN "ag-check-paintable"

#include "config.h"

#include "ag-calendar-day.h"
#include "ag-check-paintable.h"

struct _AgCheckPaintable
{
  GObject parent_instance;
};

static void ag_check_paintable_paintable_init (GdkPaintableInterface *iface);
static void ag_check_paintable_symbolic_init (GtkSymbolicPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AgCheckPaintable, ag_check_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      ag_check_paintable_paintable_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SYMBOLIC_PAINTABLE,
                                                      ag_check_paintable_symbolic_init))

static void
ag_check_paintable_snapshot_symbolic (GtkSymbolicPaintable *paintable,
                                      GdkSnapshot          *snapshot,
                                      double                width,
                                      double                height,
                                      const GdkRGBA        *colors,
                                      gsize                 n_colors)
{
  static const GdkRGBA black = { 0, 0, 0, 1 };
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (GTK_SNAPSHOT (snapshot),
                                  &GRAPHENE_RECT_INIT (0, 0, width, height));
  ag_calendar_mark_draw (cr, width, height, n_colors > 0 ? &colors[0] : &black,
                         AG_COMPLETION_COMPLETE);
  cairo_destroy (cr);
}

static void
ag_check_paintable_snapshot (GdkPaintable *paintable,
                             GdkSnapshot  *snapshot,
                             double        width,
                             double        height)
{
  ag_check_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (paintable), snapshot, width,
                                        height, NULL, 0);
}

static GdkPaintableFlags
ag_check_paintable_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_CONTENTS | GDK_PAINTABLE_STATIC_SIZE;
}

static void
ag_check_paintable_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = ag_check_paintable_snapshot;
  iface->get_flags = ag_check_paintable_get_flags;
}

static void
ag_check_paintable_symbolic_init (GtkSymbolicPaintableInterface *iface)
{
  iface->snapshot_symbolic = ag_check_paintable_snapshot_symbolic;
}

static void
ag_check_paintable_class_init (AgCheckPaintableClass *klass)
{
}

static void
ag_check_paintable_init (AgCheckPaintable *self)
{
}
