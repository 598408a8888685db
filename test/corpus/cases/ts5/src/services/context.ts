import { db, type Database } from './db';
import { workspaceFiles, type FileStorage } from './files';
import { http, type HttpService } from './http';
import { mail, type MailService } from './mail';
import { payments, type PaymentsService } from './payments';
import { attachments, type ObjectStore } from './storage';

export interface Services {
  http: HttpService;
  db: Database;
  mail: MailService;
  payments: PaymentsService;
  attachments: ObjectStore;
  files: FileStorage;
}

export interface AgentContext {
  tenantId: string;
  actor: string;
  services: Services;
}

export function createContext(tenantId: string, actor: string): AgentContext {
  return {
    tenantId,
    actor,
    services: { http, db, mail, payments, attachments, files: workspaceFiles },
  };
}
