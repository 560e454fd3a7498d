curl -X POST https://api.verigator.com/v1/service/service/my-service-id/users \
  -H "X-Service-Auth: $MESSENTE_USERNAME:$MESSENTE_PASSWORD" \
  -H 'Content-Type: application/json' -H 'Accept: application/json' \
  -d '{"id_in_service": "john.doe@verigator.com", "phone_number": "+4401234567"}'
