curl -X PUT https://api.verigator.com/v1/service/service/my-service-id/users/81213bfd-b690-499e-b9d2-8754cb1550e8/auth \
  -H "X-Service-Auth: $MESSENTE_USERNAME:$MESSENTE_PASSWORD" \
  -H 'Content-Type: application/json' -H 'Accept: application/json' \
  -d '{"token": "123456"}'
