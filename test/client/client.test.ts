/** The client's pure parts: the requirements model, working days, the preview HTML and Markdown, the wizard, snippets, settings. */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse as parseYaml } from 'yaml';
import { check } from '../../server/engine/engine';
import { ruleMetas } from '../../rules';
import { addWorkingDays, easterSunday, publicHolidays } from '../../rules/domain/working-days';
import { requirementsModel } from '../../server/report/requirements-model';
import { DescriptorService } from '../../server/lsp/service';
import { countsText, linkageSvg, renderHtml, renderMarkdown } from '../../server/report/requirements-render';
import { escapeHtml } from '../../server/report/escape';
import { skeleton } from '../../server/lsp/features/skeleton';
import { searchSources } from '../../client/wizard/search';
import { SHIPPED_ATTACHMENTS, SHIPPED_EXAMPLES } from '../../client/shipped';
import { PURPOSES } from '../../rules/domain/vocabulary';
import { sourceList } from '../../rules/domain/catalogue';
import { SEPSIS, sepsisChanged } from '../helpers/descriptors';

const root = process.cwd();
const analyse = (file: string, text?: string, lang: 'en' | 'nb' = 'en') => {
  const t = text ?? readFileSync(file, 'utf8');
  const doc = TextDocument.create(pathToFileURL(file).href, 'project-descriptor', 1, t);
  const service = new DescriptorService();
  service.configure(lang, {});
  return service.analyze(doc);
};

describe('working days', () => {
  it('computes Easter', () => {
    assert.equal(easterSunday(2024).toISOString().slice(0, 10), '2024-03-31');
    assert.equal(easterSunday(2025).toISOString().slice(0, 10), '2025-04-20');
    assert.equal(easterSunday(2026).toISOString().slice(0, 10), '2026-04-05');
  });
  it('knows the Norwegian public holidays', () => {
    const h = publicHolidays(2026);
    for (const d of ['2026-01-01', '2026-04-02', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-17', '2026-05-25', '2026-12-25', '2026-12-26']) assert.ok(h.has(d), d);
  });
  it('counts 30 and 60 working days across Easter and Christmas', () => {
    assert.equal(addWorkingDays('2026-03-20', 30), '2026-05-07'); // skips 2, 3 and 6 April and 1 May
    assert.equal(addWorkingDays('2025-12-01', 30), '2026-01-15'); // skips 25-26 Dec and 1 Jan
    assert.equal(addWorkingDays('2024-11-01', 60), '2025-01-29'); // skips 25-26 Dec and 1 Jan
  });
});

describe('requirements model', () => {
  it('for the sepsis example: Helsedataservice decides, dpia missing, 60 working days', () => {
    const m = requirementsModel(analyse(join(root, 'examples', 'sepsis-research.descriptor.yaml')));
    assert.equal(m.route.exemptionKind, 'helsedataservice-exemption');
    assert.match(m.route.authority ?? '', /Helsedataservice/);
    assert.equal(m.approvals.find((a) => a.kind === 'rek-preapproval')?.status, 'granted');
    assert.equal(m.approvals.find((a) => a.kind === 'dpia')?.status, 'missing');
    assert.equal(m.timeline?.workingDays, 60);
    assert.deepEqual(m.linkage.links.map((l) => `${l.a}-${l.b}`), ['epj-unn-npr', 'npr-dar']);
    assert.ok(m.attachments.find((a) => a.kind === 'research-protocol')?.fileExists);
    assert.ok(m.variables.find((v) => v.name === 'date_of_birth')!.findings.some((f) => f.rule === 'variable-exact-date'));
  });
  it('for the compliant example: a date for data access from the application date', () => {
    const m = requirementsModel(analyse(join(root, 'examples', 'compliant-research.descriptor.yaml')));
    assert.equal(m.timeline?.applicationDate, '2024-11-01');
    assert.equal(m.timeline?.earliestAccess, addWorkingDays('2024-11-01', 60));
    assert.ok(m.approvals.every((a) => a.status !== 'missing'));
    assert.ok(m.attachments.every((a) => a.listed && a.fileExists));
  });
  it('plans the next steps in order: REK, the assessments, the application to the one who decides, the delivery', () => {
    const m = requirementsModel(analyse(join(root, 'examples', 'sepsis-research.descriptor.yaml')));
    const to = m.plan.map((p) => p.to);
    assert.equal(to[0], 'REK');
    assert.ok(to.indexOf('Helsedataservice') > to.indexOf('the data protection officer'), to.join(' → '));
    assert.equal(m.plan[0].state, 'done', 'REK has granted');
    assert.ok(m.plan.find((p) => p.to === 'Helsedataservice')?.attachments.includes('research-protocol'));
    assert.match(m.plan[m.plan.length - 1].what, /working days|at the earliest/);
    const html = renderHtml(m, { nonce: 'n', cspSource: 'vscode-resource:' });
    assert.match(html, /<section id="plan"><h2>Next steps<\/h2><ol>/);
    assert.match(renderMarkdown(m), /## Next steps\n\n1\. \*\*Apply to REK/);
  });

  it('shows a banner and no conclusions when the file does not parse', () => {
    const m = requirementsModel(analyse(join(root, 'examples', 'broken', 'half-typed.descriptor.yaml')));
    assert.ok(m.problem);
    const html = renderHtml(m, { nonce: 'n', cspSource: 'vscode-resource:' });
    assert.match(html, /class="banner warn" role="alert"/);
    assert.doesNotMatch(html, /id="approvals"|id="plan"/);
  });

  it('in Norwegian', () => {
    const m = requirementsModel(analyse(join(root, 'examples', 'quality-improvement.descriptor.yaml'), undefined, 'nb'));
    assert.equal(m.lang, 'nb');
    assert.match(m.approvals.find((a) => a.kind === 'dpo-assessment')!.why, /Personvernombudet/);
  });
});

describe('the plan', () => {
  const sepsis = requirementsModel(analyse(join(root, 'examples', 'sepsis-research.descriptor.yaml')));
  const step = (m: typeof sepsis, re: RegExp) => m.plan.find((p) => re.test(p.what));

  it('makes every required approval a step: the DPIA is a step of its own, beside the data protection officer', () => {
    const dpia = step(sepsis, /impact assessment/);
    assert.ok(dpia, sepsis.plan.map((p) => p.what).join(' | '));
    assert.deepEqual(dpia.approvals, ['dpia']);
    assert.equal(dpia.state, 'open');
    assert.deepEqual(step(sepsis, /data protection officer assess/)?.approvals, ['dpo-assessment']);
    for (const a of sepsis.approvals.filter((x) => x.level === 'required')) assert.ok(sepsis.plan.some((p) => p.approvals.includes(a.kind)), `${a.kind} has a step`);
  });

  it('follows each approval\'s status and date: granted is done, applied is waiting, rejected blocks', () => {
    assert.deepEqual([sepsis.plan[0].state, sepsis.plan[0].date], ['done', '2024-11-02']);
    const compliant = requirementsModel(analyse(join(root, 'examples', 'compliant-research.descriptor.yaml')));
    const hds = compliant.plan.find((p) => p.to === 'Helsedataservice')!;
    assert.deepEqual([hds.state, hds.date], ['waiting', '2024-11-01']);
    const html = renderHtml(compliant, { nonce: 'n', cspSource: 'vscode-resource:' });
    assert.match(html, /⧗ sent 2024-11-01, awaiting decision/);
    const rejected = requirementsModel(analyse(join(root, 'examples', 'x.descriptor.yaml'), SEPSIS.replace(/kind: rek-preapproval\n {4}status: granted/, 'kind: rek-preapproval\n    status: rejected')));
    assert.equal(rejected.plan[0].state, 'blocked');
  });

  it('comments on an earliest-access date that has passed with no decision', () => {
    const a = analyse(join(root, 'examples', 'compliant-research.descriptor.yaml'));
    const late = requirementsModel({ ...a, options: { ...a.options, today: '2026-12-05' } });
    const delivery = late.plan[late.plan.length - 1];
    assert.equal(delivery.kind, 'delivery');
    assert.equal(delivery.state, 'waiting');
    assert.match(delivery.note ?? '', /2025-01-29 has passed and no decision is recorded: ask Helsedataservice/);
    const early = requirementsModel({ ...a, options: { ...a.options, today: '2025-01-10' } });
    assert.doesNotMatch(early.plan[early.plan.length - 1].note ?? '', /has passed/);
  });

  it('never drops an approval of the wrong kind: it stays in the table and the step that needs the right one says so', () => {
    const rek = sepsis.approvals.find((a) => a.kind === 'rek-exemption');
    assert.ok(rek, sepsis.approvals.map((a) => a.kind).join(', '));
    assert.equal(rek.level, 'listed');
    assert.equal(rek.status, 'applied');
    assert.match(rek.why, /decided by Helsedataservice/);
    assert.match(step(sepsis, /helsedata\.no/)?.note ?? '', /`rek-exemption` is listed, but on this route Helsedataservice decides the exemption/);
    assert.match(renderHtml(sepsis, { nonce: 'n', cspSource: 'x' }), /<tr class="st-applied listed">/);
  });

  it('adds a step per change request and per document to update for the changes since approval', () => {
    const dir = mkdtempSync(join(tmpdir(), 'descriptor-plan-'));
    const file = join(dir, 'sepsis.descriptor.yaml');
    writeFileSync(file, sepsisChanged());
    writeFileSync(join(dir, 'sepsis.descriptor.approved.yaml'), SEPSIS);
    const m = requirementsModel(analyse(file));
    const changes = m.plan.filter((p) => p.kind === 'change');
    assert.deepEqual(changes.map((p) => p.what), [
      'Send REK a change application (case REK 2024/123456) and wait for approval before the change takes effect',
      'Send Helsedataservice a change request naming the current case number',
      'Update the data protection impact assessment (DPIA) for the changes',
    ]);
    assert.ok(changes.every((p) => p.state === 'open'));
    assert.match(changes[0].note ?? '', /Lise Berg added/);
    assert.match(renderMarkdown(m), /Send REK a change application \(case REK 2024\/123456\)/);
  });

  it('in Norwegian, with Norwegian dates', () => {
    const m = requirementsModel(analyse(join(root, 'examples', 'sepsis-research.descriptor.yaml'), undefined, 'nb'));
    assert.equal(m.plan[0].what, 'Søk REK om forhåndsgodkjenning');
    assert.match(renderHtml(m, { nonce: 'n', cspSource: 'x' }), /✓ ferdig 02\.11\.2024/);
    assert.ok(m.plan.some((p) => /personvernkonsekvensvurdering/.test(p.what)));
  });
});

describe('preview rendering', () => {
  const evil = '<script>alert("x")</script> & \'q\'';
  const text = readFileSync(join(root, 'examples', 'sepsis-research.descriptor.yaml'), 'utf8')
    .replace('Early warning of sepsis in emergency departments', JSON.stringify(evil))
    .replace('name: date_of_birth', `name: ${JSON.stringify(evil)}`)
    .replace('id: epj-unn', 'id: epj-unn')
    .replace('holder: UNN HF', `holder: ${JSON.stringify(evil)}`);
  const model = requirementsModel(analyse(join(root, 'examples', 'x.descriptor.yaml'), text));

  it('escapes every string from the descriptor', () => {
    const html = renderHtml(model, { nonce: 'abc123', cspSource: 'vscode-resource:' });
    assert.ok(!html.includes('<script>alert'), 'raw script from the descriptor');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;'));
    // The only script is ours, with the nonce.
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="abc123">/);
  });

  it('has a strict Content-Security-Policy with the nonce and nothing unsafe', () => {
    const html = renderHtml(model, { nonce: 'n0nce', cspSource: 'vscode-resource:' });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-n0nce'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
  });

  it('draws the linkage as SVG with escaped labels and marks de-identified sources', () => {
    const m = {
      ...model,
      linkage: {
        model: 'centralized',
        nodes: [{ id: '<a>', label: '&', deidentified: true, known: true, source: 'nois', identifiability: 'de-identified' as const }, { id: 'b', label: 'B', deidentified: false, known: true }],
        links: [{ a: '<a>', b: 'b', valid: true }],
        linker: { kind: 'custodian' as const, name: '<b>', source: 'b', modelMissing: false },
      },
    };
    const svg = linkageSvg(m);
    assert.match(svg, /^<svg /);
    assert.ok(svg.includes('&lt;a&gt;') && !svg.includes('<a>') && !svg.includes('<b>'));
    assert.match(svg, /class="node source deid"/);
    // A de-identified source cannot be linked: its arrow is drawn as a problem.
    assert.match(svg, /class="link deid bad"/);
  });

  it('states the date of the law and of the source catalogue, in both languages', () => {
    assert.match(renderHtml(model, { nonce: 'n', cspSource: 'vscode-resource:' }), /<p class="foot">Law current to \d{4}-\d{2}-\d{2}; data source catalogue current to 2026-12-06\.<\/p>/);
    assert.match(renderMarkdown(model), /Law current to \d{4}-\d{2}-\d{2}; data source catalogue current to 2026-12-06\./);
    assert.match(renderMarkdown({ ...model, lang: 'nb' }), /Lov per \d{2}\.\d{2}\.\d{4}; datakildekatalogen per 06\.12\.2026\./);
  });

  it('exports the same content as Markdown', () => {
    const md = renderMarkdown(model);
    assert.match(md, /## Approvals/);
    assert.match(md, /helsedataservice-exemption/);
    assert.ok(!md.includes('<script>'));
    assert.equal(escapeHtml('<&>'), '&lt;&amp;&gt;');
  });

  it('says "1 error" and "2 errors", "1 advarsel" and "2 advarsler"', () => {
    assert.equal(countsText({ errors: 1, warnings: 1, information: 1 }, 'en'), '1 error, 1 warning, 1 information');
    assert.equal(countsText({ errors: 0, warnings: 2, information: 3 }, 'en'), '0 errors, 2 warnings, 3 information');
    assert.equal(countsText({ errors: 1, warnings: 1, information: 0 }, 'nb'), '1 feil, 1 advarsel, 0 informasjon');
    assert.equal(countsText({ errors: 2, warnings: 5, information: 1 }, 'nb'), '2 feil, 5 advarsler, 1 informasjon');
  });
});

describe('changes since approval in the preview', () => {
  const dir = mkdtempSync(join(tmpdir(), 'descriptor-preview-changes-'));
  const file = join(dir, 'sepsis.descriptor.yaml');
  writeFileSync(file, sepsisChanged());
  writeFileSync(join(dir, 'sepsis.descriptor.approved.yaml'), SEPSIS);
  const model = requirementsModel(analyse(file));

  it('lists each change with whom it is reported to, and a draft of each change request', () => {
    const c = model.changes;
    assert.equal(c.baseline, 'sepsis.descriptor.approved.yaml');
    assert.deepEqual(c.items.map((i) => i.kind), ['staff-added', 'variable-added']);
    assert.deepEqual(c.items[0].needs.map((n) => `${n.kind} → ${n.to}`), ['data-application-change → Helsedataservice', 'staff-list → REK']);
    assert.deepEqual(c.items[1].needs.map((n) => n.kind), ['rek-change', 'data-application-change', 'dpia-update']);
    assert.ok(c.items[1].needs[0].provisions.some((p) => p.label === 'helseforskningsloven § 11'));
    assert.equal(c.items[0].line, sepsisChanged().split('\n').findIndex((l) => l.includes('Lise Berg')));
    assert.deepEqual(c.requests.map((r) => `${r.to} ${r.caseNumber ?? '-'}`), ['Helsedataservice -', 'REK REK 2024/123456']);
    const rek = c.requests.find((r) => r.to === 'REK')!.draft;
    assert.match(rek, /^To: REK\nSubject: Change application \(søknad om endring\), case REK 2024\/123456/);
    assert.match(rek, /- Lise Berg added to the staff with access to the data\n- variable admission_time added to npr \(exact date\)/);
    assert.match(rek, /Why: \[describe why the project needs these changes\]/);
    assert.match(c.requests[0].draft, /To: Helsedataservice \(service@helsedata\.no\)\nSubject: Change to the application for data, case number \[case number\]/);
  });

  it('renders the section in HTML, with each draft in a <pre> block and no new script', () => {
    const html = renderHtml(model, { nonce: 'n', cspSource: 'vscode-resource:' });
    const section = /<section id="changes">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    assert.match(section, /<h2>Changes since approval<\/h2>/);
    assert.match(section, /<a href="#" data-line="\d+">variable <code>admission_time<\/code> added to <code>npr<\/code> \(exact date\)<\/a>/);
    assert.equal((section.match(/<pre class="draft">/g) ?? []).length, 2);
    assert.match(section, /<h3>Draft change application to REK<\/h3>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });

  it('exports it as Markdown, with the drafts in fenced blocks', () => {
    const md = renderMarkdown(model);
    assert.match(md, /## Changes since approval\n\nCompared with the approved version `sepsis\.descriptor\.approved\.yaml`\./);
    assert.match(md, /\| Lise Berg added to the staff with access to the data \| — \| a change request to Helsedataservice/);
    assert.match(md, /### Draft change application to REK\n\n.*\n\n```text\nTo: REK\n[\s\S]*?\n```/);
  });

  it('escapes what comes from the descriptor', () => {
    const evil = '<img src=x onerror=alert(1)>';
    writeFileSync(file, sepsisChanged().replace('name: Lise Berg', `name: "${evil}"`));
    const m = requirementsModel(analyse(file));
    const html = renderHtml(m, { nonce: 'n', cspSource: 'vscode-resource:' });
    assert.ok(!html.includes(evil) && html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!renderMarkdown(m).split('```')[0].includes(evil), 'escaped outside the fenced drafts');
    writeFileSync(file, sepsisChanged());
  });

  it('speaks Norwegian, and says nothing without an approved version', () => {
    const nb = requirementsModel(analyse(file, undefined, 'nb'));
    assert.match(renderMarkdown(nb), /## Endringer siden godkjenningen/);
    assert.match(nb.changes.requests.find((r) => r.to === 'REK')!.draft, /^Til: REK\nEmne: Søknad om endring, sak REK 2024\/123456[\s\S]*Begrunnelse: \[beskriv hvorfor/);
    const none = requirementsModel(analyse(join(root, 'examples', 'sepsis-research.descriptor.yaml')));
    assert.deepEqual(none.changes, { baseline: undefined, problem: undefined, items: [], requests: [] });
    assert.doesNotMatch(renderHtml(none, { nonce: 'n', cspSource: 'x' }), /id="changes"/);
  });
});

describe('new-descriptor wizard', () => {
  for (const purpose of PURPOSES) {
    for (const consent of [false, true]) {
      it(`writes a valid skeleton for ${purpose}${consent ? ' with consent' : ''}`, () => {
        const text = skeleton({ title: 'Test: a "quoted" title', purpose, product: purpose === 'product-development' ? 'clinical-decision-support' : undefined, clinicalTesting: purpose === 'product-development' ? true : undefined, sources: ['npr', 'patient-records'], consent });
        const results = check(text, { lang: 'en' }).results;
        assert.deepEqual(results.filter((r) => r.rule === 'schema' || r.rule === 'yaml-syntax').map((r) => r.message), []);
        // The approvals the route requires are listed already.
        for (const rule of ['rek-preapproval-missing', 'confidentiality-exemption-missing', 'dpo-assessment-missing', 'dpia-missing', 'exemption-wrong-authority']) {
          assert.ok(!results.some((r) => r.rule === rule), `${rule}: ${results.filter((r) => r.rule === rule).map((r) => r.message)}`);
        }
      });
    }
  }
});

describe('contributions', () => {
  it('the task\'s problem matcher reads every line of the CLI\'s text output with its severity, into the server\'s slot for closed files', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const matcher = pkg.contributes.problemMatchers.find((m: { name: string }) => m.name === 'descriptor-check');
    assert.equal(matcher.owner, 'project-descriptor', 'the client\'s diagnosticCollectionName');
    assert.equal(matcher.applyTo, 'closedDocuments');
    assert.match(readFileSync(join(root, 'client', 'extension.ts'), 'utf8'), /const DIAGNOSTIC_OWNER = 'project-descriptor'/);
    const re = new RegExp(matcher.pattern.regexp);
    let out = '';
    try {
      out = execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'examples/'], { cwd: root, encoding: 'utf8' });
    } catch (e) {
      out = (e as { stdout: string }).stdout;
    }
    const lines = out.trim().split('\n').slice(0, -1);
    assert.ok(lines.length > 10);
    const severities = new Set<string>();
    for (const line of lines) {
      const m = re.exec(line);
      assert.ok(m, line);
      // VS Code's matcher knows error, warning and info: anything else would become an error.
      assert.ok(['error', 'warning', 'info'].includes(m[matcher.pattern.severity]), line);
      severities.add(m[matcher.pattern.severity]);
    }
    assert.deepEqual([...severities].sort(), ['error', 'info', 'warning']);
  });

  it('the rules setting lists exactly the rule ids, and every contributed string is translated', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const props = Object.keys(pkg.contributes.configuration.properties['descriptor.rules'].properties).sort();
    assert.deepEqual(props, ruleMetas.map((m) => m.id).sort());
    const keys = [...JSON.stringify(pkg).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    const en = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
    const nb = JSON.parse(readFileSync(join(root, 'package.nls.nb.json'), 'utf8'));
    for (const k of keys) assert.ok(en[k] && nb[k], k);
    // The client's own words come from client/i18n.ts in both languages (typed), never from vscode.l10n.
    for (const f of ['extension.ts', 'preview/panel.ts', 'wizard/wizard.ts']) assert.doesNotMatch(readFileSync(join(root, 'client', f), 'utf8'), /vscode\.l10n/, f);
    const commands = (pkg.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(commands.includes('descriptor.exportPackage'));
  });
});

describe('the wizard\'s source search', () => {
  const sources = sourceList.map((s) => ({ id: s.id, name: s.name.en, abbreviation: s.abbreviation, custodian: s.custodian.now, names: [s.name.nb, ...s.aliases], keywords: s.keywords }));

  it('finds the stroke register by its Norwegian name in English, and NPR first by its abbreviation', () => {
    assert.equal(searchSources(sources, 'Hjerneslag')[0]?.id, 'norwegian-stroke-register');
    assert.equal(searchSources(sources, 'NPR')[0]?.id, 'npr');
    assert.equal(searchSources(sources, 'hunt')[0]?.id, 'hunt');
    assert.equal(searchSources(sources, 'dødsårsak')[0]?.id, 'cause-of-death-registry');
    assert.equal(searchSources(sources, '').length, sources.length);
    assert.deepEqual(searchSources(sources, 'zzzz-no-such-source'), []);
  });

  it('writes the skeleton\'s placeholders in the wizard\'s language, and placeholder-left flags them until they are written', () => {
    const text = skeleton({ title: '', purpose: 'health-research', sources: ['npr'], consent: false, lang: 'nb' });
    assert.match(text, /institution: Ansvarlig institusjon \(behandlingsansvarlig\)/);
    assert.match(text, /# retention_until: ÅÅÅÅ-MM-DD/);
    const left = check(text, { lang: 'nb' }).results.filter((r) => r.rule === 'placeholder-left');
    assert.ok(left.length >= 6, left.map((r) => r.message).join('\n'));
    assert.ok(left.some((r) => /Ingen variabler er oppført for `npr`/.test(r.message)));
  });
});

describe('the release', () => {
  it('a version tag builds the .vsix and attaches it to the GitHub release', () => {
    const wf = parseYaml(readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8')) as { on: { push: { tags: string[] } }; permissions: Record<string, string>; jobs: Record<string, { steps: { run?: string }[] }> };
    assert.deepEqual(wf.on.push.tags, ['v*']);
    assert.equal(wf.permissions.contents, 'write');
    const runs = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run ?? '')).join('\n');
    for (const step of ['npm ci', 'npm test', 'npm run package', 'gh release upload', 'gh release create']) assert.ok(runs.includes(step), step);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.ok(runs.includes(`${pkg.name}-\${GITHUB_REF_NAME#v}.vsix`), 'the file vsce writes');
  });
});

describe('the examples the extension ships', () => {
  it('"Open an example" copies files that exist and that .vscodeignore puts in the .vsix', () => {
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    for (const f of [...SHIPPED_EXAMPLES.map((x) => x.file), ...SHIPPED_ATTACHMENTS]) {
      assert.ok(readFileSync(join(root, 'examples', f)).length > 0, f);
      assert.ok(ignore.includes(`!examples/${f}`), `.vscodeignore ships examples/${f}`);
    }
    // Every attachment a shipped example names ships with it.
    for (const x of SHIPPED_EXAMPLES) {
      for (const m of readFileSync(join(root, 'examples', x.file), 'utf8').matchAll(/file: (docs\/[\w.-]+)/g)) assert.ok(SHIPPED_ATTACHMENTS.includes(m[1]), `${x.file}: ${m[1]}`);
    }
  });
});
