import { parse } from 'tldts';
import { registrableDomain } from './email-address';

// Providers registered under many country suffixes (yahoo.co.uk, hotmail.fr, gmx.at,
// yandex.com.tr): matched on the label before the public suffix.
const FREE_MAIL_BRANDS: ReadonlySet<string> = new Set([
  'aol', 'gmail', 'gmx', 'googlemail', 'hotmail', 'live', 'outlook', 'yahoo', 'yandex', 'ymail',
]);

// Single-suffix consumer and ISP mailboxes, compared by registrable domain.
const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // Global webmail
  'msn.com', 'windowslive.com', 'passport.com', 'rocketmail.com', 'aim.com',
  'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me',
  'tutanota.com', 'tutanota.de', 'tuta.io', 'tuta.com', 'zoho.com', 'zohomail.com',
  'fastmail.com', 'fastmail.fm', 'hey.com', 'duck.com', 'hushmail.com', 'mailfence.com',
  'runbox.com', 'mail.com', 'email.com', 'usa.com', 'inbox.com', 'lycos.com', 'excite.com',
  'juno.com', 'netzero.net', 'rediffmail.com',
  // Europe
  'web.de', 'freenet.de', 't-online.de', 'posteo.de', 'mailbox.org', 'mail.de',
  'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'laposte.net', 'neuf.fr', 'libero.it',
  'virgilio.it', 'tiscali.it', 'alice.it', 'tin.it', 'btinternet.com', 'sky.com',
  'virginmedia.com', 'talktalk.net', 'ntlworld.com', 'blueyonder.co.uk', 'bluewin.ch',
  'skynet.be', 'telenet.be', 'ziggo.nl', 'kpnmail.nl', 'home.nl', 'planet.nl', 'hetnet.nl',
  'seznam.cz', 'wp.pl', 'o2.pl', 'interia.pl', 'onet.pl', 'abv.bg', 'ukr.net',
  'mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'rambler.ru', 'ya.ru',
  // Americas and Oceania
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net',
  'charter.net', 'earthlink.net', 'optonline.net', 'rogers.com', 'shaw.ca', 'sympatico.ca',
  'uol.com.br', 'bol.com.br', 'terra.com.br', 'ig.com.br', 'bigpond.com', 'bigpond.net.au',
  'optusnet.com.au', 'xtra.co.nz',
  // Asia
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', '139.com', 'sina.com', 'sina.cn',
  'sohu.com', 'aliyun.com', 'naver.com', 'daum.net', 'hanmail.net', 'nate.com',
]);

/** True for free-mail and consumer ISP domains (gmail.com, hotmail.co.uk, yahoo.fr…); accepts a host or an email. */
export function isFreeMailDomain(domainOrEmail: string): boolean {
  const domain = registrableDomain(domainOrEmail);
  if (!domain) return false;
  if (FREE_MAIL_DOMAINS.has(domain)) return true;
  const brand = parse(domain).domainWithoutSuffix;
  return brand !== null && FREE_MAIL_BRANDS.has(brand);
}
