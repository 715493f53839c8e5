import { describe, expect, it } from 'vitest';
import { emailDomain, isFreeMailDomain, normalizeEmail, registrableDomain } from '@shared/matching';

describe('normalizeEmail', () => {
  it.each([
    ['  AP@Acme.COM ', 'ap@acme.com'],
    ['Jane Doe <Jane.Doe@Acme.com>', 'jane.doe@acme.com'],
    ['"Doe, Jane <AP>" <jane@acme.com>', 'jane@acme.com'],
    ['mailto:Billing@Acme.co.uk', 'billing@acme.co.uk'],
    ['ap+invoices@billing.acme.co.uk', 'ap+invoices@billing.acme.co.uk'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it.each(['', 'Jane Doe', 'jane@', '@acme.com', 'jane@acme', 'jane@1.2.3.4', 'Jane <>', 'a b@acme.com', 'undisclosed-recipients:;'])(
    'returns null for %j',
    (input) => {
      expect(normalizeEmail(input)).toBeNull();
    },
  );
});

describe('emailDomain', () => {
  it('returns the full host part', () => {
    expect(emailDomain('Priya <Priya@Billing.Acme.co.uk>')).toBe('billing.acme.co.uk');
  });

  it('returns null for a non-email', () => {
    expect(emailDomain('acme.co.uk')).toBeNull();
  });
});

describe('registrableDomain', () => {
  it.each([
    ['billing.acme.co.uk', 'acme.co.uk'],
    ['ap@billing.acme.co.uk', 'acme.co.uk'],
    ['Jane <jane@mail.ourco.com>', 'ourco.com'],
    ['ACME.com.', 'acme.com'],
    ['acme.com.au', 'acme.com.au'],
  ])('%j → %j', (input, expected) => {
    expect(registrableDomain(input)).toBe(expected);
  });

  it.each(['192.168.0.1', 'localhost', 'co.uk', 'not a domain', '', 'jane@'])('returns null for %j', (input) => {
    expect(registrableDomain(input)).toBeNull();
  });
});

describe('isFreeMailDomain', () => {
  it.each([
    'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'live.nl',
    'msn.com', 'yahoo.com', 'yahoo.fr', 'yahoo.co.uk', 'yahoo.co.jp', 'yahoo.com.br', 'ymail.com',
    'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'web.de',
    'mail.ru', 'yandex.ru', 'yandex.com.tr', 'zoho.com', 'fastmail.com', 'hey.com', 'qq.com', '163.com',
    'naver.com', 'mail.yahoo.com', 'jane@hotmail.co.uk',
  ])('%s is free mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it.each(['acme.com', 'acme.co.uk', 'web.com', 'gmail.acme.com', 'notgmail.com', 'ap@acme.com', '', '10.0.0.1'])(
    '%j is not free mail',
    (domain) => {
      expect(isFreeMailDomain(domain)).toBe(false);
    },
  );
});
