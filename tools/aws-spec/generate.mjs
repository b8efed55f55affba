// Writes ../../docs/coverage/inventory.tsv: every CloudFormation resource type that has a setting for encryption at
// rest or for its placement in Availability Zones, with the property paths that carry it.
//
// Source: npm @aws-cdk/aws-service-spec (Apache-2.0), the CloudFormation resource database aws-cdk-lib is generated
// from (db.json.gz: resources, their properties and the nested property types they use).
//
// Classes:
//   encryption  a property path whose last segment names encryption or its key (Encrypt*, *Kms*, SSE*, ...), minus
//               names about encryption in transit (TLS, InTransit, certificates) and encryption *contexts*.
//   placement   MultiAZ, AZMode, DeploymentType / DeploymentMode, AvailabilityZone(s), PreferredAvailabilityZone(s),
//               SubnetId-free zone settings.
// The walk goes through nested property types (cycles cut), never through lists of resources.
// The output is deterministic (sorted) and names the source version in its header: run it twice, same bytes.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve('@aws-cdk/aws-service-spec/package.json'));
const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
const db = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(pkgDir, 'db.json.gz'))));

const typesById = new Map(Object.values(db.schema.typeDefinition.entities).map(t => [t.$id, t]));

const encryption = { test: name => /encrypt|kms|cmk/i.test(name) || /SSE|^Sse|ServerSide/.test(name) };
const notAtRest = /transit|tls|ssl|certificate|encryptioncontext|inflight|clientside|inbound|outbound/i;
const placement = /^(MultiAZ|MultiAz|AZMode|DeploymentType|DeploymentMode|AvailabilityZone|AvailabilityZoneName|AvailabilityZones|PreferredAvailabilityZone|PreferredAvailabilityZones|PreferredCacheClusterAZs|ZoneAwarenessEnabled|AvailabilityZoneRelocation)$/;

// Properties typed `json` in the spec hold an AWS document whose fields the spec does not describe, so the walk cannot see
// settings inside them. The ones that carry an encryption-at-rest or placement setting are listed by hand, each with the
// AWS page that documents the document's shape; a listed path that is no longer a json property fails the run.
const jsonDocuments = [
  // https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-create-security-configuration.html (CLI JSON reference)
  ['AWS::EMR::SecurityConfiguration', 'encryption', 'SecurityConfiguration', [
    'EncryptionConfiguration.EnableAtRestEncryption',
    'EncryptionConfiguration.AtRestEncryptionConfiguration.S3EncryptionConfiguration.EncryptionMode',
    'EncryptionConfiguration.AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration.EncryptionKeyProviderType',
  ]],
];

// True when the type is `json` or a union with `json` in it (EMR's document is `json | string`).
const holdsJson = type => type?.type === 'json' || (Array.isArray(type?.types) && type.types.some(t => t.type === 'json'));

function refsOf(type, out) {
  const stack = [type];
  while (stack.length) {
    const t = stack.pop();
    if (!t) continue;
    if (t.type === 'ref') out.push(t.reference.$ref);
    if (t.element) stack.push(t.element);
    if (t.inner) stack.push(t.inner);
    if (Array.isArray(t.types)) stack.push(...t.types);
  }
}

const rows = [];
for (const resource of Object.values(db.schema.resource.entities)) {
  const found = { encryption: new Set(), placement: new Set() };
  // explicit stack of (properties, path prefix, types on the way) so a cycle of nested types ends
  const stack = [[resource.properties ?? {}, '', new Set()]];
  while (stack.length) {
    const [props, prefix, onPath] = stack.pop();
    for (const [name, prop] of Object.entries(props)) {
      const full = prefix ? `${prefix}.${name}` : name;
      if (encryption.test(name) && !notAtRest.test(name)) found.encryption.add(full);
      if (placement.test(name)) found.placement.add(full);
      const refs = [];
      refsOf(prop.type, refs);
      for (const prev of prop.previousTypes ?? []) refsOf(prev, refs);
      for (const ref of refs) {
        if (onPath.has(ref)) continue;
        const nested = typesById.get(ref);
        if (nested) stack.push([nested.properties ?? {}, full, new Set([...onPath, ref])]);
      }
    }
  }
  for (const [type, cls, property, inner] of jsonDocuments) {
    if (type !== resource.cloudFormationType) continue;
    const prop = (resource.properties ?? {})[property];
    if (!prop || !holdsJson(prop.type)) throw new Error(`${type}.${property} is no longer a json property: review jsonDocuments`);
    for (const p of inner) found[cls].add(`${property}.${p}`);
  }
  for (const cls of ['encryption', 'placement']) {
    if (found[cls].size) rows.push([resource.cloudFormationType, cls, [...found[cls]].sort().join(',')]);
  }
}
rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));

const out = path.join(here, '..', '..', 'docs', 'coverage', 'inventory.tsv');
fs.mkdirSync(path.dirname(out), { recursive: true });
const header = [
  `# generated by tools/aws-spec/generate.mjs from @aws-cdk/aws-service-spec ${version} (Apache-2.0); do not edit`,
  '# type\tclass\tproperty paths',
];
fs.writeFileSync(out, header.concat(rows.map(r => r.join('\t'))).join('\n') + '\n');
console.log(`${rows.length} rows (${rows.filter(r => r[1] === 'encryption').length} encryption, ${rows.filter(r => r[1] === 'placement').length} placement) -> ${path.relative(process.cwd(), out)}`);
