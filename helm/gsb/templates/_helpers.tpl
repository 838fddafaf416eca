{{/* ---------------------------------------------------------------- names and labels */}}

{{- define "gsb.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "gsb.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else if contains (include "gsb.name" .) .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "gsb.name" .) | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Selector labels of one component: dict "root" $ "component" "access-admin" */}}
{{- define "gsb.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gsb.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "gsb.labels" -}}
{{ include "gsb.selectorLabels" . }}
app.kubernetes.io/part-of: gsb
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* The labels every pod of this chart carries (the default-deny policy selects them). */}}
{{- define "gsb.podMarker" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
gsb.example/workload: "true"
{{- end -}}

{{- define "gsb.image" -}}
{{- $img := .image -}}
{{- $tag := default .root.Chart.AppVersion $img.tag -}}
{{- if .root.Values.images.registry -}}
{{- printf "%s/%s:%s" .root.Values.images.registry $img.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $img.repository $tag -}}
{{- end -}}
{{- end -}}

{{- define "gsb.imagePullSecrets" -}}
{{- with .Values.images.pullSecrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* ---------------------------------------------------------------- the servers' names and addresses */}}

{{- define "gsb.kafkaName" -}}
{{- default (printf "%s-kafka" (include "gsb.fullname" .)) .Values.kafka.name -}}
{{- end -}}

{{- define "gsb.keycloakName" -}}
{{- printf "%s-keycloak" (include "gsb.fullname" .) -}}
{{- end -}}

{{- define "gsb.chiName" -}}
{{- default (include "gsb.fullname" .) .Values.clickhouse.name | replace "-" "" | trunc 15 -}}
{{- end -}}

{{- define "gsb.registryName" -}}
{{- printf "%s-registry" (include "gsb.fullname" .) -}}
{{- end -}}

{{/* The realm URL = the tokens' issuer. */}}
{{- define "gsb.keycloakUrl" -}}
{{- if .Values.keycloak.url -}}
{{- .Values.keycloak.url | trimSuffix "/" -}}
{{- else if not .Values.keycloak.deploy -}}
{{- fail "keycloak.url is required when keycloak.deploy is false: the realm URL of your Keycloak, e.g. https://keycloak.example/realms/gsb" -}}
{{- else if .Values.keycloak.hostname -}}
{{- printf "%s://%s/realms/gsb" (ternary "https" "http" (not (empty .Values.keycloak.tlsSecret))) .Values.keycloak.hostname -}}
{{- else if eq .Values.profile "production" -}}
{{- fail "keycloak.hostname is required in profile production: the public host name of Keycloak, the tokens' issuer" -}}
{{- else -}}
{{- printf "http://%s-service.%s.svc:8080/realms/gsb" (include "gsb.keycloakName" .) .Release.Namespace -}}
{{- end -}}
{{- end -}}

{{/* What Keycloak's hostname option gets: the issuer URL without /realms/gsb. */}}
{{- define "gsb.keycloakHostnameUrl" -}}
{{- include "gsb.keycloakUrl" . | trimSuffix "/realms/gsb" -}}
{{- end -}}

{{- define "gsb.tokenUrl" -}}
{{- printf "%s/protocol/openid-connect/token" (include "gsb.keycloakUrl" .) -}}
{{- end -}}

{{- define "gsb.jwksUrl" -}}
{{- printf "%s/protocol/openid-connect/certs" (include "gsb.keycloakUrl" .) -}}
{{- end -}}

{{/* SASL_SSL OAUTHBEARER bootstrap (listener tls, 9093). */}}
{{- define "gsb.bootstrapTls" -}}
{{- if .Values.kafka.deploy -}}
{{- printf "%s-kafka-bootstrap.%s.svc:9093" (include "gsb.kafkaName" .) .Release.Namespace -}}
{{- else -}}
{{- required "kafka.bootstrap is required when kafka.deploy is false: the SASL_SSL OAUTHBEARER bootstrap servers of your cluster" .Values.kafka.bootstrap -}}
{{- end -}}
{{- end -}}

{{/* SASL_PLAINTEXT OAUTHBEARER bootstrap (listener plain, 9092): the stream processors speak only that. */}}
{{- define "gsb.bootstrapPlain" -}}
{{- if .Values.kafka.deploy -}}
{{- printf "%s-kafka-bootstrap.%s.svc:9092" (include "gsb.kafkaName" .) .Release.Namespace -}}
{{- else -}}
{{- required "kafka.plainBootstrap is required when kafka.deploy is false: the SASL_PLAINTEXT OAUTHBEARER bootstrap servers the stream processors use" .Values.kafka.plainBootstrap -}}
{{- end -}}
{{- end -}}

{{/* The cluster CA the Kafka clients trust: Strimzi's <cluster>-cluster-ca-cert, or kafka.caSecret. */}}
{{- define "gsb.kafkaCaSecret" -}}
{{- if .Values.kafka.deploy -}}
{{- printf "%s-cluster-ca-cert" (include "gsb.kafkaName" .) -}}
{{- else -}}
{{- required "kafka.caSecret.name is required when kafka.deploy is false: the Secret with the CA of your cluster's TLS listener" .Values.kafka.caSecret.name -}}
{{- end -}}
{{- end -}}

{{- define "gsb.registryUrl" -}}
{{- printf "http://%s.%s.svc:8080/apis/ccompat/v7" (include "gsb.registryName" .) .Release.Namespace -}}
{{- end -}}

{{- define "gsb.clickhouseUrl" -}}
{{- if .Values.clickhouse.deploy -}}
{{- printf "http://clickhouse-%s.%s.svc:8123" (include "gsb.chiName" .) .Release.Namespace -}}
{{- else -}}
{{- required "clickhouse.url is required when clickhouse.deploy is false: the HTTP URL of your ClickHouse, e.g. http://clickhouse:8123" .Values.clickhouse.url -}}
{{- end -}}
{{- end -}}

{{/* ---------------------------------------------------------------- secrets by reference */}}

{{- define "gsb.devSecretName" -}}
{{- printf "%s-dev-secrets" (include "gsb.fullname" .) -}}
{{- end -}}

{{/*
Every credential the chart may need: value path, the key it gets in the dev Secret, what it is.
A reference is used when .name is set; otherwise profile dev generates it and profile production fails.
*/}}
{{- define "gsb.credentials" -}}
services: {path: keycloak.clientSecrets.services, devKey: services-client-secret, what: "the secret of realm client gsb-services"}
portal: {path: keycloak.clientSecrets.portal, devKey: portal-client-secret, what: "the secret of realm client gsb-portal"}
broker: {path: keycloak.clientSecrets.broker, devKey: broker-client-secret, what: "the secret of realm client gsb-broker"}
registry: {path: keycloak.clientSecrets.registry, devKey: registry-client-secret, what: "the secret of realm client gsb-registry"}
orchestrator: {path: keycloak.clientSecrets.orchestrator, devKey: orchestrator-client-secret, what: "the secret of the orchestrator's realm client (orchestrator.agency)"}
clickhouse: {path: clickhouse.passwordSecret, devKey: clickhouse-password, what: "the password of ClickHouse user gsb"}
initialAdmin: {path: keycloak.realm.initialAdmin.passwordSecret, devKey: initial-admin-password, what: "the first administrator's temporary password"}
dbUsername: {path: keycloak.db.usernameSecret, devKey: db-username, what: "the user name of Keycloak's database"}
dbPassword: {path: keycloak.db.passwordSecret, devKey: db-password, what: "the password of Keycloak's database"}
{{- end -}}

{{/* The value at a dotted path of .Values: dict "root" $ "path" "a.b.c" */}}
{{- define "gsb.valueAt" -}}
{{- $v := .root.Values -}}
{{- range splitList "." .path -}}{{- $v = index $v . -}}{{- end -}}
{{- toYaml $v -}}
{{- end -}}

{{/*
A credential's Secret reference, as YAML {name, key}: dict "root" $ "id" "services".
Production without a reference fails with a message naming the value to set.
*/}}
{{- define "gsb.secretRef" -}}
{{- $c := index (include "gsb.credentials" .root | fromYaml) .id -}}
{{- $ref := include "gsb.valueAt" (dict "root" .root "path" $c.path) | fromYaml -}}
{{- if $ref.name -}}
name: {{ $ref.name }}
key: {{ required (printf "%s.key is required: the key of %s in Secret %s" $c.path $c.what $ref.name) $ref.key }}
{{- else if eq .root.Values.profile "dev" -}}
name: {{ include "gsb.devSecretName" .root }}
key: {{ $c.devKey }}
{{- else -}}
{{- fail (printf "%s.name is required in profile %s: create a Secret holding %s (key %s.key) and name it there; production never generates credentials" $c.path .root.Values.profile $c.what $c.path) -}}
{{- end -}}
{{- end -}}

{{/* An env entry from a credential: dict "root" $ "id" "services" "env" "GSB_SERVICES_CLIENT_SECRET" */}}
{{- define "gsb.secretEnv" -}}
{{- $ref := include "gsb.secretRef" (dict "root" .root "id" .id) | fromYaml -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ $ref.name }}
      key: {{ $ref.key }}
{{- end -}}

{{/* Which credentials the deployment needs, given what is enabled. */}}
{{- define "gsb.neededCredentials" -}}
{{- $ids := list "services" "clickhouse" -}}
{{- $ids = append $ids "portal" -}}
{{- if .Values.registry.enabled -}}{{- $ids = append $ids "registry" -}}{{- end -}}
{{- if .Values.orchestrator.enabled -}}{{- $ids = append $ids "orchestrator" -}}{{- end -}}
{{- if and .Values.keycloak.deploy .Values.keycloak.realm.import -}}
{{- $ids = concat $ids (list "broker" "initialAdmin") -}}
{{- end -}}
{{- if .Values.keycloak.deploy -}}{{- $ids = concat $ids (list "dbUsername" "dbPassword") -}}{{- end -}}
{{- toYaml $ids -}}
{{- end -}}

{{/* ---------------------------------------------------------------- pod pieces */}}

{{- define "gsb.podSecurityContext" -}}
{{- toYaml .Values.podSecurityContext -}}
{{- end -}}

{{- define "gsb.containerSecurityContext" -}}
{{- toYaml .Values.containerSecurityContext -}}
{{- end -}}

{{/* Spread replicas over nodes and zones (soft). dict "root" $ "component" "x" */}}
{{- define "gsb.spread" -}}
topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: kubernetes.io/hostname
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "gsb.selectorLabels" . | nindent 8 }}
  - maxSkew: 1
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "gsb.selectorLabels" . | nindent 8 }}
{{- end -}}

{{/*
The bus's listeners: SASL OAUTHBEARER, validated by Kafka's own OAuthBearerValidatorCallbackHandler against the
realm's JWKS (signature, expiry, audience, issuer), never by Strimzi's kafka-oauth. Strimzi's `custom`
authentication writes each listenerConfig key as listener.name.<listener>-<port>.<key>; the validator reads the
sasl.oauthbearer.* keys through that listener prefix (Strimzi forbids them unprefixed in spec.kafka.config).
The login module has no options: the brokers only accept tokens here, they never log in with one (Strimzi's
replication and controller listeners use mutual TLS).
*/}}
{{- define "gsb.kafkaOAuth" -}}
type: custom
sasl: true
listenerConfig:
  sasl.enabled.mechanisms: OAUTHBEARER
  oauthbearer.sasl.server.callback.handler.class: org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler
  oauthbearer.sasl.jaas.config: "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;"
  oauthbearer.connections.max.reauth.ms: {{ .root.Values.kafka.oauth.reauthMs }}
  sasl.oauthbearer.jwks.endpoint.url: {{ .jwks | quote }}
  sasl.oauthbearer.expected.audience: {{ .root.Values.kafka.oauth.audience | quote }}
  sasl.oauthbearer.expected.issuer: {{ .issuer | quote }}
  sasl.oauthbearer.sub.claim.name: {{ .root.Values.kafka.oauth.subClaim | quote }}
  sasl.oauthbearer.clock.skew.seconds: {{ .root.Values.kafka.oauth.clockSkewSeconds }}
{{- end -}}

{{/* The token mappers every client of the realm carries: groups (full paths) and the audience gsb. */}}
{{- define "gsb.realmMappers" -}}
- name: groups
  protocol: openid-connect
  protocolMapper: oidc-group-membership-mapper
  config:
    full.path: "true"
    claim.name: groups
    access.token.claim: "true"
    id.token.claim: "true"
    userinfo.token.claim: "true"
    introspection.token.claim: "true"
- name: gsb-audience
  protocol: openid-connect
  protocolMapper: oidc-audience-mapper
  config:
    included.custom.audience: {{ .Values.kafka.oauth.audience | quote }}
    access.token.claim: "true"
    id.token.claim: "false"
    introspection.token.claim: "true"
{{- end -}}
