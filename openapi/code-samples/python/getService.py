from messente.verigator.api import Api

# Initialize API
api = Api("messente-api-username", "messente-api-password")

# Get your service
service = api.services.get("my-service-id")
