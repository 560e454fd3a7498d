curl -X POST https://api.verigator.com/v1/service/service \
  -H "X-Service-Auth: $MESSENTE_USERNAME:$MESSENTE_PASSWORD" \
  -H 'Content-Type: application/json' -H 'Accept: application/json' \
  -d '{"fqdn": "example.com", "name": "My service"}'
