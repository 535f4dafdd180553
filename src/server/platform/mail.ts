import nodemailer from 'nodemailer';

/** One plain-text message. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail; throws when the server refuses or cannot be reached. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * The mailer of `SMTP_URL` (`smtp://user:password@host:port`, or `smtps://` for TLS from the start;
 * `smtp://` upgrades with STARTTLS when the server offers it), or null when mail is not configured.
 */
export function createMailer(config: { SMTP_URL?: string; MAIL_FROM: string }): Mailer | null {
  if (!config.SMTP_URL) return null;
  const transport = nodemailer.createTransport(
    {
      url: config.SMTP_URL,
      // A reminder is not worth holding a sweep for long.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    },
    { from: config.MAIL_FROM },
  );
  return {
    async send(message) {
      await transport.sendMail({ to: message.to, subject: message.subject, text: message.text });
    },
    close() {
      transport.close();
    },
  };
}
