/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ag-test-notifications.h: a real notification server (python-dbusmock) for the reminders tests. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AG_TEST_CAPS_ACTIONS "body actions persistence"
#define AG_TEST_CAPS_NO_ACTIONS "body persistence"

typedef gboolean (*AgTestCondition) (gpointer data);

GSubprocess *ag_test_server_start       (const char      *capabilities);
void         ag_test_server_stop        (GSubprocess     *server);
GPtrArray   *ag_test_server_take_calls  (const char      *method);
char        *ag_test_describe_notify    (GVariant        *args);
void         ag_test_server_invoke      (guint32          id,
                                         const char      *action);
void         ag_test_server_close       (guint32          id);
gboolean     ag_test_wait_until         (AgTestCondition  condition,
                                         gpointer         data,
                                         guint            timeout_ms);
void         ag_test_drain              (void);
void         ag_test_remove_tree        (const char      *path);
guint        ag_test_allow_warnings     (const char      *domain);

G_END_DECLS
