// Validates the deployment on paper: every document of deploy/k8s/*.yaml against the Kubernetes API's schemas (the
// validators kubernetes-models generates from Kubernetes' OpenAPI document) or, for the CloudNativePG Cluster, against
// its CRD's schema (schemas/, vendored with source notes); docker-compose.yml against the Compose Specification's schema.
// Then the promises docs/operations.md makes about the manifests (probes, the migration Job, secrets, HPA, PDB, policy).
// Usage: node check.mjs <repository root>. Exit 1 when anything is invalid.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments, parse } from "yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import * as models from "kubernetes-models";

const root = process.argv[2] ?? "../..";
const here = new URL(".", import.meta.url).pathname;
const errors = [];
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const cnpgCluster = ajv.compile(JSON.parse(readFileSync(join(here, "schemas/cnpg-cluster-v1.json"), "utf8")));
// The Compose schema names draft-07 by an https URI Ajv does not know by that spelling; it is draft-07, which Ajv speaks.
const { $schema: _draft07, ...composeSchema } = JSON.parse(readFileSync(join(here, "schemas/compose-spec.json"), "utf8"));
const compose = ajv.compile(composeSchema);

// kubernetes-models exports one namespace per API group (camel-cased: networking.k8s.io -> networkingK8sIo), then version.
function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const groupKey = group.replace(/[.-](\w)/g, (_, c) => c.toUpperCase());
  const ns = group === "" ? models[version] : models[groupKey]?.[version];
  return ns?.[kind];
}

function validateK8s(doc, where) {
  if (doc.apiVersion === "postgresql.cnpg.io/v1" && doc.kind === "Cluster") {
    if (!cnpgCluster(doc)) errors.push(`${where}: ${ajv.errorsText(cnpgCluster.errors, { dataVar: doc.kind })}`);
    return;
  }
  const Model = modelFor(doc.apiVersion ?? "", doc.kind ?? "");
  if (!Model) {
    errors.push(`${where}: no schema for apiVersion ${doc.apiVersion} kind ${doc.kind}`);
    return;
  }
  try {
    new Model(doc).validate();
  } catch (e) {
    errors.push(`${where}: ${e.message}`);
  }
}

const manifests = [];
const dir = join(root, "deploy/k8s");
for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
  const docs = parseAllDocuments(readFileSync(join(dir, file), "utf8"));
  docs.forEach((d, i) => {
    if (d.errors.length) errors.push(`deploy/k8s/${file}#${i + 1}: ${d.errors[0].message}`);
    const doc = d.toJS();
    if (!doc) return;
    manifests.push(doc);
    validateK8s(doc, `deploy/k8s/${file}#${i + 1} (${doc.kind} ${doc.metadata?.name})`);
  });
}

const composeDoc = parse(readFileSync(join(root, "docker-compose.yml"), "utf8"));
if (!compose(composeDoc)) errors.push(`docker-compose.yml: ${ajv.errorsText(compose.errors)}`);

// The validators must be able to say no: a copy of the Deployment with a wrong type is refused.
const deployment = manifests.find((m) => m.kind === "Deployment");
const broken = structuredClone(deployment ?? {});
if (broken.spec) broken.spec.replicas = "three";
const before = errors.length;
validateK8s(broken, "self-test");
if (errors.length === before) errors.push("self-test: a Deployment with replicas: \"three\" was accepted; the validator checks nothing");
else errors.splice(before);

// What the operations page promises about these manifests.
const of = (kind) => manifests.filter((m) => m.kind === kind);
const container = deployment?.spec?.template?.spec?.containers?.[0] ?? {};
const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.valueFrom?.secretKeyRef?.name]));
const promise = (ok, text) => ok || errors.push(`promise broken: ${text}`);
promise(container.readinessProbe?.httpGet?.path === "/health/ready", "the Deployment's readiness probe is /health/ready");
promise(container.livenessProbe?.httpGet?.path === "/health/live", "the Deployment's liveness probe is /health/live");
promise(env["ConnectionStrings__TrainingDb"] && env["Encryption__Key"], "the database and Encryption:Key come from Secrets");
promise(of("Job").some((j) => j.spec?.template?.spec?.containers?.[0]?.args?.[0] === "migrate"), "a Job runs `migrate`");
promise(of("HorizontalPodAutoscaler").some((h) => h.spec?.metrics?.some((m) => m.resource?.name === "cpu")), "an HPA scales on CPU");
promise(of("PodDisruptionBudget").length === 1 && of("NetworkPolicy").length === 1, "one PodDisruptionBudget and one NetworkPolicy");
promise(of("Cluster").some((c) => c.spec?.instances >= 2), "the CloudNativePG Cluster has a replica (instances >= 2)");
promise(Object.values(composeDoc.services ?? {}).some((s) => s.profiles?.includes("scale") && s.deploy?.replicas >= 2),
  "docker-compose.yml has a `scale` profile with API replicas");

if (errors.length) {
  for (const e of errors) console.error(`check-deploy: ${e}`);
  process.exit(1);
}
console.log(`check-deploy: ${manifests.length} Kubernetes documents and docker-compose.yml valid against their schemas; the manifests keep their promises`);
