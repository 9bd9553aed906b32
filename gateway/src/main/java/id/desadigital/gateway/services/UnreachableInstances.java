package id.desadigital.gateway.services;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;

/**
 * Tells {@link ServiceInstances} of every instance a call could not connect to, whether the call was routed or the
 * gateway's own: Spring Cloud LoadBalancer reports each call's end here, with the instance it chose.
 */
class UnreachableInstances implements LoadBalancerLifecycle<Object, Object, ServiceInstance> {

    private final ServiceInstances instances;

    UnreachableInstances(ServiceInstances instances) {
        this.instances = instances;
    }

    @Override
    public void onStart(Request<Object> request) {
        // Only the outcome matters.
    }

    @Override
    public void onStartRequest(Request<Object> request, Response<ServiceInstance> response) {
        // Only the outcome matters.
    }

    @Override
    public void onComplete(CompletionContext<Object, ServiceInstance, Object> completion) {
        Response<ServiceInstance> chosen = completion.getLoadBalancerResponse();
        if (completion.status() == CompletionContext.Status.FAILED && chosen != null && chosen.hasServer()
                && ConnectionFailures.neverSent(completion.getThrowable())) {
            instances.unreachable(chosen.getServer().getUri());
        }
    }
}
