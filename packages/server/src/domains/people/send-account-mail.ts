import { createTransport, type Transporter } from 'nodemailer';
import type { Locale } from '../../platform/context.ts';

export interface AccountMailOptions {
  smtpUrl: string;
  from: string;
  to: string;
  locale: Locale;
  kind: 'invitation' | 'password_reset';
  companyName: string;
  link: string;
}

const transports = new Map<string, Transporter>();

/** Mails an invitation or a password-reset link through SMTP_URL (nodemailer, one transport per URL). */
export async function sendAccountMail(options: AccountMailOptions): Promise<void> {
  let transport = transports.get(options.smtpUrl);
  if (!transport) {
    transport = createTransport(options.smtpUrl);
    transports.set(options.smtpUrl, transport);
  }
  const { subject, text } = mailText(options);
  await transport.sendMail({ from: options.from, to: options.to, subject, text });
}

function mailText({ kind, locale, companyName, link }: AccountMailOptions) {
  if (kind === 'invitation')
    return locale === 'en'
      ? {
          subject: `Invitation to ${companyName} on Kayoi`,
          text: `You have been invited to ${companyName} on Kayoi.\n\nSet your password here (valid for 7 days):\n${link}\n`,
        }
      : {
          subject: `【Kayoi】${companyName} への招待`,
          text: `${companyName} の Kayoi に招待されました。\n\n次のリンクからパスワードを設定してください（7日間有効）。\n${link}\n`,
        };
  return locale === 'en'
    ? {
        subject: 'Reset your Kayoi password',
        text: `Set a new password for ${companyName} on Kayoi here (valid for 1 hour):\n${link}\n`,
      }
    : {
        subject: '【Kayoi】パスワード再設定',
        text: `${companyName} の Kayoi のパスワードを次のリンクから再設定してください（1時間有効）。\n${link}\n`,
      };
}
