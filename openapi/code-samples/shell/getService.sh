curl https://api.verigator.com/v1/service/service/my-service-id \
  -H "X-Service-Auth: $MESSENTE_USERNAME:$MESSENTE_PASSWORD" \
  -H 'Accept: application/json'
