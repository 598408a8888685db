import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
}

export class MailService {
  private readonly transport: Transporter;

  constructor(private readonly from: string) {
    this.transport = nodemailer.createTransport({
      host: 'smtp.acme-mail.net',
      port: 587,
      auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD },
    });
  }

  async send(mail: OutgoingMail) {
    return this.transport.sendMail({ from: this.from, ...mail });
  }
}

export const mail = new MailService('Acme Support <support@acme.io>');
