curl -X DELETE https://api.verigator.com/v1/service/service/my-service-id/users/81213bfd-b690-499e-b9d2-8754cb1550e8 \
  -H "X-Service-Auth: $MESSENTE_USERNAME:$MESSENTE_PASSWORD" \
  -H 'Accept: application/json'
