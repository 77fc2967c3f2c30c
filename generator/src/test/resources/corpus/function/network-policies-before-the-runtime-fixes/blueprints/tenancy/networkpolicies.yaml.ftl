<#-- The NetworkPolicies the reference generated before the runtime fixes, as static text: every path they miss is a finding. -->
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-allow-dns
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector: {}
  policyTypes:
  - Egress
  egress:
  - to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: kube-system
      podSelector:
        matchLabels:
          k8s-app: kube-dns
    ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-allow-namespace-egress
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector: {}
  policyTypes:
  - Egress
  egress:
  - to:
    - podSelector: {}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-default-deny
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector: {}
  policyTypes:
  - Ingress
  - Egress
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-distributed-allow-rendezvous
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: fraud-detection-distributed
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector: {}
    ports:
    - protocol: TCP
      port: 23456
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-explainer-allow-http
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: fraud-detection-explainer
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector: {}
    ports:
    - protocol: TCP
      port: 8080
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-explainer-allow-metrics
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: fraud-detection-explainer
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector: {}
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: monitoring
    ports:
    - protocol: TCP
      port: 8080
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-feature-store-to-stores
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/component: feature-store
      app.kubernetes.io/part-of: fraud-detection
  policyTypes:
  - Egress
  egress:
  - to:
    - ipBlock:
        cidr: 0.0.0.0/0
    - ipBlock:
        cidr: ::/0
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-model-registry-to-stores
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/component: model-registry
      app.kubernetes.io/part-of: fraud-detection
  policyTypes:
  - Egress
  egress:
  - to:
    - ipBlock:
        cidr: 0.0.0.0/0
    - ipBlock:
        cidr: ::/0
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-notebooks-to-feature-server
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: fraud-detection-feature-server
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app.kubernetes.io/component: notebooks
          app.kubernetes.io/part-of: fraud-detection
    ports:
    - protocol: TCP
      port: 6566
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-notebooks-to-mlflow
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: fraud-detection-mlflow
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app.kubernetes.io/component: notebooks
          app.kubernetes.io/part-of: fraud-detection
    ports:
    - protocol: TCP
      port: 5000
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-scorer-allow-http
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: fraud-detection-scorer
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector: {}
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: knative-serving
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: istio-system
    ports:
    - protocol: TCP
      port: 8012
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-scorer-allow-metrics
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: fraud-detection-scorer
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector: {}
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: monitoring
    ports:
    - protocol: TCP
      port: 9091
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-serving-to-feature-server
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: fraud-detection-feature-server
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app.kubernetes.io/component: serving
          app.kubernetes.io/part-of: fraud-detection
    ports:
    - protocol: TCP
      port: 6566
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-serving-to-mlflow
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: fraud-detection-mlflow
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app.kubernetes.io/component: serving
          app.kubernetes.io/part-of: fraud-detection
    ports:
    - protocol: TCP
      port: 5000
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fraud-detection-training-to-stores
  labels:
    app.kubernetes.io/component: tenancy
    app.kubernetes.io/managed-by: mlgitops
    app.kubernetes.io/part-of: fraud-detection
    cost-center: cc-4711
    mlgitops.dev/team: risk-ml
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/component: training
      app.kubernetes.io/part-of: fraud-detection
  policyTypes:
  - Egress
  egress:
  - to:
    - ipBlock:
        cidr: 0.0.0.0/0
    - ipBlock:
        cidr: ::/0
