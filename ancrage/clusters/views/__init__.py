"""Views of the clusters app, one module per screen:

- `profile`: the cluster's profile (`cluster:profile`, `cluster:profile_edit`);
- `team`: the team and its invitations (`cluster:staff` and its actions);
- `audit`: the cluster's audit log (`cluster:audit`);
- `public`: the public directory (`clusters:public_list`, `clusters:public_detail`,
  `clusters:logo`).
"""
