/**
 * Sending through SMTP with nodemailer (SMTP_URL, e.g. smtp://mail.kommune.dk:587 or the
 * docker-compose mail catcher). Without SMTP_URL every send fails with a Danish reason, which the
 * delivery log shows: an email that cannot go out is never reported as sent.
 */
import nodemailer from 'nodemailer';
import type { EmailAttachment } from './compose-email.ts';

export interface OutgoingEmail {
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
  /** Stable per delivery, so a receiving system can recognise a repeated message. */
  messageId: string;
}

export interface MailTransport {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** SMTP that does not answer should fail the attempt quickly; the outbox retries later. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function createMailTransport(smtpUrl: string | null): MailTransport {
  if (!smtpUrl) {
    return {
      send: () => Promise.reject(new Error('Der er ingen mailserver sat op (SMTP_URL mangler), så mailen kan ikke sendes')),
      close: () => undefined,
    };
  }
  const transporter = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS });
  return {
    async send(email) {
      await transporter.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: email.messageId,
        attachments: email.attachments.map((attachment) => ({
          filename: attachment.filename,
          content: attachment.content,
          contentType: attachment.contentType,
          ...(attachment.cid ? { cid: attachment.cid, contentDisposition: 'inline' as const } : {}),
        })),
      });
    },
    close: () => transporter.close(),
  };
}
