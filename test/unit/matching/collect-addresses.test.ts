import { describe, expect, it } from 'vitest';
import { collectAddresses } from '@shared/matching';

const ownCo = { ownDomains: ['ourco.com'], ownAddresses: ['sam@ourco.com'] };

describe('collectAddresses', () => {
  it('returns external addresses with field, registrable domain and usability', () => {
    const result = collectAddresses(
      {
        from: 'Priya Shah <Priya@Billing.Acme.co.uk>',
        to: ['Sam Lee <sam@ourco.com>', 'ap@globex.com'],
        cc: ['bob.smith@gmail.com', 'credit@mail.ourco.com'],
      },
      ownCo,
    );
    expect(result).toEqual([
      { email: 'priya@billing.acme.co.uk', field: 'from', domain: 'acme.co.uk', domainUsable: true },
      { email: 'ap@globex.com', field: 'to', domain: 'globex.com', domainUsable: true },
      { email: 'bob.smith@gmail.com', field: 'cc', domain: 'gmail.com', domainUsable: false },
    ]);
  });

  it('keeps one entry per address, in its most significant field', () => {
    const result = collectAddresses(
      {
        from: 'AP <ap@acme.com>',
        to: ['jane@acme.com', 'AP@ACME.COM'],
        cc: ['Jane <JANE@acme.com>', 'ap@acme.com', 'ops@acme.com', 'ops@acme.com'],
      },
      ownCo,
    );
    expect(result.map((a) => [a.email, a.field])).toEqual([
      ['ap@acme.com', 'from'],
      ['jane@acme.com', 'to'],
      ['ops@acme.com', 'cc'],
    ]);
  });

  it('excludes own domains including their subdomains, whichever side is the subdomain', () => {
    const ctx = { from: 'sam@mail.ourco.com', to: ['ar@ourco.com', 'ap@acme.com'], cc: ['x@eu.mail.ourco.com'] };
    expect(collectAddresses(ctx, { ownDomains: ['ourco.com'] }).map((a) => a.email)).toEqual(['ap@acme.com']);
    expect(collectAddresses(ctx, { ownDomains: ['mail.ourco.com'] }).map((a) => a.email)).toEqual(['ap@acme.com']);
  });

  it('excludes the user’s own addresses, compared after normalising', () => {
    const result = collectAddresses(
      { from: 'Sam <SAM@ourco-personal.net>', to: ['ap@acme.com'], cc: [] },
      { ownDomains: [], ownAddresses: [' sam@ourco-personal.net'] },
    );
    expect(result.map((a) => a.email)).toEqual(['ap@acme.com']);
  });

  it('marks free-mail domains, including country variants, as unusable', () => {
    const result = collectAddresses(
      { from: 'tom@hotmail.co.uk', to: ['marie@yahoo.fr'], cc: ['ann@gmail.com', 'ap@acme.fr'] },
      ownCo,
    );
    expect(result.map((a) => [a.domain, a.domainUsable])).toEqual([
      ['hotmail.co.uk', false],
      ['yahoo.fr', false],
      ['gmail.com', false],
      ['acme.fr', true],
    ]);
  });

  it('does not drop a whole free-mail domain listed as an own domain, only the own addresses', () => {
    const result = collectAddresses(
      { from: 'customer@gmail.com', to: ['me@gmail.com'], cc: [] },
      { ownDomains: ['gmail.com'], ownAddresses: ['me@gmail.com'] },
    );
    expect(result).toEqual([{ email: 'customer@gmail.com', field: 'from', domain: 'gmail.com', domainUsable: false }]);
  });

  it('skips strings that are not email addresses', () => {
    const result = collectAddresses({ from: '', to: ['undisclosed-recipients:;', 'Jane Doe'], cc: ['ap@acme.com'] }, ownCo);
    expect(result.map((a) => a.email)).toEqual(['ap@acme.com']);
  });
});
