import { peopleNames } from './domain/changes';
import { normalText as norm } from './domain/text';
import { defineRule } from './rule';

export default defineRule({
  id: 'staff-exemption-mismatch',
  severity: 'warning',
  description: {
    en: 'A staff member with access to the data is not named on the REK approval; REK exemptions are personal.',
    nb: 'En prosjektmedarbeider med tilgang til data står ikke i REK-godkjenningen; dispensasjoner fra REK er personlige.',
  },
  remediation: {
    en: 'Make the names in the REK application match the people who will have access, and send REK a change application (søknad om endring) when someone joins; where Helsedataservice or a custodian delivers the data, send them the new list too.',
    nb: 'Sørg for at navnene i REK-søknaden stemmer med dem som får tilgang, og send REK en søknad om endring når noen kommer til; leverer Helsedataservice eller en registerforvalter dataene, send dem også den nye listen.',
  },
  provisions: ['hpl-29', 'hregl-19e', 'hforsknl-11'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'Remember that this exemption is personal.' },
  fixes: ['add-staff-to-approval'],
  messages: {
    missing: {
      en: '{name} will have access to the data but is not named in the REK application ({kind}). The exemption is personal, so name everyone with access.',
      nb: '{name} får tilgang til dataene, men står ikke i søknaden til REK ({kind}). Dispensasjonen er personlig, så alle med tilgang må stå der.',
    },
    granted: {
      en: '{name} will have access to the data but is not named on REK\'s approval ({kind}). The exemption is personal: send REK a change application (søknad om endring) adding {name} before they get access.{also}',
      nb: '{name} får tilgang til dataene, men står ikke i godkjenningen fra REK ({kind}). Dispensasjonen er personlig: send REK en søknad om endring som legger til {name} før vedkommende får tilgang.{also}',
    },
  },
  check({ model, baseline, route, report }) {
    const approval = model.approvals.find((a) => (a.kind === 'rek-preapproval' || a.kind === 'rek-exemption') && a.status !== 'rejected' && a.staff !== undefined);
    if (!approval?.staff) return;
    const named = new Set(approval.staff.map(norm));
    // A decided approval is REK's text: it cannot be edited here; the change goes to REK.
    const decided = approval.status === 'granted';
    // The names the custodians deliver to must match REK's list: where they decide on the data, they hear of the change too.
    const alsoTell =
      route.decider === 'helsedataservice'
        ? { en: ' Tell Helsedataservice as well, with the case number: the names it delivers data to must match REK\'s list.', nb: ' Gi også Helsedataservice beskjed, med saksnummeret: navnene som får data, må stemme med listen hos REK.' }
        : route.decider === 'custodian'
          ? { en: ' Tell the custodian as well, with the case number: the names it delivers data to must match REK\'s list.', nb: ' Gi også registerforvalteren beskjed, med saksnummeret: navnene som får data, må stemme med listen hos REK.' }
          : '';
    const people = [...(model.project.lead ? [model.project.lead] : []), ...model.project.staff];
    // One fact, one finding: someone added since the approved version is reported by
    // change-needs-application, with the case numbers and the staff lists to send.
    const approvedPeople = baseline && decided ? peopleNames(baseline) : undefined;
    const seen = new Set<string>();
    for (const p of people) {
      if (p.name === undefined || p.name === '' || named.has(norm(p.name)) || seen.has(norm(p.name))) continue;
      if (approvedPeople && !approvedPeople.has(norm(p.name))) continue;
      seen.add(norm(p.name));
      report({
        path: [...p.path, 'name'],
        message: decided ? 'granted' : 'missing',
        args: { name: p.name, kind: approval.kind!, also: decided ? alsoTell : '' },
        fixes: decided
          ? []
          : [
              {
                id: 'add-staff-to-approval',
                title: { en: `Add ${p.name} to the staff on the REK application`, nb: `Legg ${p.name} til blant prosjektmedarbeiderne i REK-søknaden` },
                preferred: true,
                edits: [{ op: 'append', path: [...approval.path, 'staff'], item: p.name }],
              },
            ],
      });
    }
  },
});
