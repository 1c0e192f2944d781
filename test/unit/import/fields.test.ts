// Which header lands in which field: self-mapping ignoring case, spaces and punctuation, then the
// synonyms CRMs use; the rest become custom fields.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { autoMap, headersKey, normalizeHeader, surveyKindFromHeader } from '../../../shared/import/fields';

const sfHeaders = (name: string) =>
  (Papa.parse<string[]>(fs.readFileSync(path.resolve('test', 'fixtures', 'salesforce', name), 'utf8').replace(/^\ufeff/, ''), { preview: 1 }).data[0]);

describe('autoMap', () => {
  it('maps a header equal to a field name ignoring case, spaces and punctuation', () => {
    const { mapping } = autoMap(['External ID', 'NAME', 'renewal_date', 'Contract-Start', 'mrr', 'Seats'], 'accounts');
    expect(mapping).toEqual({
      'External ID': 'externalId',
      NAME: 'name',
      renewal_date: 'renewalDate',
      'Contract-Start': 'contractStart',
      mrr: 'mrr',
      Seats: 'seats',
    });
  });

  it('knows Company, Account Name and Customer as the account name', () => {
    for (const header of ['Company', 'Account Name', 'Customer']) {
      expect(autoMap([header], 'accounts').mapping).toEqual({ [header]: 'name' });
    }
  });

  it('maps ARR to arr and reports the division by 12, unless an MRR column exists', () => {
    const annual = autoMap(['Company', 'ARR'], 'accounts');
    expect(annual.mapping).toEqual({ Company: 'name', ARR: 'arr' });
    expect(annual.conversions).toEqual(['ARR → mrr: divided by 12 into MRR (annual → monthly)']);
    const both = autoMap(['Company', 'ARR', 'MRR'], 'accounts');
    expect(both.mapping).toEqual({ Company: 'name', MRR: 'mrr' });
    expect(both.customFields).toEqual(['ARR']);
  });

  it('reads HubSpot and Pipedrive headers: associated company, organisation, done/due dates', () => {
    const hubspot = autoMap(['Record ID', 'First Name', 'Last Name', 'Email', 'Job Title', 'Associated Company ID', 'Associated Company'], 'contacts');
    expect(hubspot.mapping).toMatchObject({ 'Associated Company ID': 'accountExternalId', 'Associated Company': 'accountName', Email: 'email', 'Job Title': 'title' });
    const pipedrive = autoMap(['Organization - Name', 'Type', 'Subject', 'Due date', 'Note', 'Done'], 'touches');
    expect(pipedrive.mapping).toEqual({ 'Organization - Name': 'accountName', Type: 'type', Subject: 'summary', 'Due date': 'occurredAt', Note: 'notes' });
    expect(pipedrive.customFields).toEqual(['Done']);
    // A real activity date wins over a due date.
    expect(autoMap(['Organisation', 'Activity Date', 'Due Date'], 'touches').mapping).toMatchObject({ 'Activity Date': 'occurredAt' });
  });

  it('maps Email Address and Last Activity', () => {
    expect(autoMap(['Full Name', 'Email Address', 'Company'], 'contacts').mapping).toEqual({
      'Full Name': 'name',
      'Email Address': 'email',
      Company: 'accountName',
    });
    expect(autoMap(['Customer', 'Last Activity', 'Type'], 'touches').mapping).toEqual({
      Customer: 'accountName',
      'Last Activity': 'occurredAt',
      Type: 'type',
    });
  });

  it('joins FirstName and LastName into the name only when there is no full-name column', () => {
    const split = autoMap(['FirstName', 'LastName', 'AccountId'], 'contacts');
    expect(split.mapping).toEqual({ FirstName: 'firstName', LastName: 'lastName', AccountId: 'accountExternalId' });
    expect(split.conversions).toEqual(['FirstName + LastName → name: joined with a space']);
    const full = autoMap(['FirstName', 'LastName', 'Name', 'AccountId'], 'contacts');
    expect(full.mapping.Name).toBe('name');
    expect(full.customFields).toEqual(['FirstName', 'LastName']);
  });

  it('maps the Salesforce account export: Id is the external id, the rest are custom fields', () => {
    const headers = sfHeaders('sf_workshop_Account.csv');
    const result = autoMap(headers, 'accounts');
    expect(result.mapping).toEqual({ Id: 'externalId', Name: 'name', Website: 'website', Industry: 'industry', Description: 'notes' });
    expect(result.customFields).toHaveLength(headers.length - 5);
    expect(result.customFields).toContain('External_id__c');
    expect(result.customFields).toContain('AnnualRevenue');
  });

  it('maps the Salesforce contact export through Id, AccountId, Name, Email and Title', () => {
    expect(autoMap(sfHeaders('sf_workshop_Contact.csv'), 'contacts').mapping).toEqual({
      Id: 'externalId',
      AccountId: 'accountExternalId',
      Name: 'name',
      Email: 'email',
      Title: 'title',
      Description: 'notes',
    });
  });

  it('maps the Salesforce task export through ActivityDate, Subject, Type__c and WhoId', () => {
    expect(autoMap(sfHeaders('sf_workshop_Task.csv'), 'touches').mapping).toEqual({
      AccountId: 'accountExternalId',
      WhoId: 'contactExternalId',
      ActivityDate: 'occurredAt',
      Subject: 'summary',
      Type__c: 'type',
      Description: 'notes',
    });
  });

  it('gives each field one column and each column one field', () => {
    const { mapping, customFields } = autoMap(['Email', 'E-mail', 'Name', 'Account'], 'contacts');
    expect(mapping).toEqual({ Email: 'email', Name: 'name', Account: 'accountName' });
    expect(customFields).toEqual(['E-mail']);
  });

  it('maps the other kinds’ own field names', () => {
    expect(autoMap(['Account', 'Date', 'Metric', 'Value'], 'metrics').mapping).toEqual({ Account: 'accountName', Date: 'date', Metric: 'key', Value: 'value' });
    expect(autoMap(['Account ID', 'Date', 'Type', 'MRR Change'], 'revenue').mapping).toEqual({
      'Account ID': 'accountExternalId',
      Date: 'date',
      Type: 'kind',
      'MRR Change': 'mrrDelta',
    });
    expect(autoMap(['Company', 'Email', 'NPS', 'Response Date', 'Feedback'], 'surveys').mapping).toEqual({
      Company: 'accountName',
      Email: 'contactEmail',
      NPS: 'score',
      'Response Date': 'date',
      Feedback: 'comment',
    });
  });
});

describe('header helpers', () => {
  it('normalises headers the way the mapping compares them', () => {
    expect(normalizeHeader('\ufeffAccount  Name')).toBe('accountname');
    expect(normalizeHeader('Contract-Start_Date')).toBe('contractstartdate');
    expect(normalizeHeader('Société')).toBe('societe');
  });

  it('names the survey kind of a score column', () => {
    expect(surveyKindFromHeader('NPS Score')).toBe('nps');
    expect(surveyKindFromHeader('CSAT')).toBe('csat');
    expect(surveyKindFromHeader('CES score')).toBe('ces');
    expect(surveyKindFromHeader('Score')).toBeNull();
  });

  it('keys presets by the set of headers, whatever their order or case', () => {
    expect(headersKey(['Name', 'Email', 'Company'])).toBe(headersKey(['company', 'NAME', 'Email ']));
    expect(headersKey(['Name'])).not.toBe(headersKey(['Name', 'Email']));
  });
});
