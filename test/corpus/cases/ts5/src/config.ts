export const WORKSPACE_ROOT = '/srv/acme/workspace';
export const REPORTS_DIR = '/srv/acme/reports';
export const UPLOAD_DIR = '/srv/acme/uploads';
export const TMP_DIR = '/srv/acme/tmp';
export const EXPORT_DIR = '/srv/acme/exports';
export const USER_ROOT = '/srv/acme/users';
export const LOG_DIR = '/var/log/acme';
export const REPO_DIR = '/srv/acme/app';
