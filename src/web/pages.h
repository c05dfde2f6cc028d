/*
 * pages: the entry points of the web pages, one file per page under web/,
 * named page-<name>.c. The route table (routes.c) says who may call each.
 */
#ifndef SG_PAGES_H
#define SG_PAGES_H
#include "../http/request.h"

/* page-login.c */
void page_login(struct request *r);
void page_login_post(struct request *r);
void page_logout_post(struct request *r);
/* page-home.c */
void page_home(struct request *r);
/* page-teams.c: the teams the viewer may see, with their members */
void page_teams(struct request *r);
/* page-admin-teams.c */
void page_admin_teams(struct request *r);
void page_admin_teams_post(struct request *r);
void page_admin_team(struct request *r);
void page_admin_team_post(struct request *r);
/* page-admin-users.c */
void page_admin_users(struct request *r);
void page_admin_users_post(struct request *r);
void page_admin_user(struct request *r);
void page_admin_user_post(struct request *r);
void page_admin_user_active_post(struct request *r);
/* page-account.c */
void page_account(struct request *r);
void page_account_password_post(struct request *r);
void page_lang_post(struct request *r);
/* page-health.c */
void page_healthz(struct request *r);
/* page-static.c */
void page_static(struct request *r);

#endif
