from messente.verigator.api import Api

# Initialize API
api = Api("messente-api-username", "messente-api-password")

# Create your service
service = api.services.get("my-service-id")

# Add User to your Service
user = api.users.create(service.id, "+xxxxxxxxxxx", "username")
