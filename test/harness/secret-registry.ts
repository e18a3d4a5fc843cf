// Secrets that come into being inside a fake rather than from the test's inputs: a fake Pulumi Cloud's secret stack
// outputs, which the action may decrypt. The fake declares each one here before it can reach the action, and the
// harness's secret scan (secret-scan.ts) checks every later run for them, as it does for the inputs' secrets.

const declared = new Map<string, string>()

export function declareSecret(label: string, value: string): void {
  if (!declared.has(value)) declared.set(value, label)
}

/** Every secret declared so far in this process: value and where it came from. */
export function declaredSecrets(): { label: string; value: string }[] {
  return [...declared].map(([value, label]) => ({ label, value }))
}
