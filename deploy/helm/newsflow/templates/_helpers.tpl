{{/* Names are <release>-<service> (or just <service> when the release is called "newsflow"). */}}
{{- define "newsflow.name" -}}
{{- if eq .root.Release.Name "newsflow" -}}
{{- printf "newsflow-%s" .service | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-newsflow-%s" .root.Release.Name .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "newsflow.labels" -}}
app.kubernetes.io/part-of: newsflow
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{ include "newsflow.selectorLabels" . }}
{{- end -}}

{{- define "newsflow.selectorLabels" -}}
app.kubernetes.io/name: {{ .service }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "newsflow.image" -}}
{{- $image := .root.Values.image -}}
{{- printf "%s/%s-%s:%s" $image.registry $image.repository .service (default .root.Chart.AppVersion $image.tag) -}}
{{- end -}}

{{- define "newsflow.secretName" -}}
{{- default (include "newsflow.name" (dict "root" . "service" "connections")) .Values.existingSecret -}}
{{- end -}}

{{/* The consumer group a stage's instances share: the service's own default unless the values override it. */}}
{{- define "newsflow.consumerGroup" -}}
{{- default (printf "newsflow-%s" .service) (dig "env" "KAFKA_GROUP_ID" "" .spec) -}}
{{- end -}}
