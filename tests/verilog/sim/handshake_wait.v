// A request/acknowledge handshake between two processes using wait and level changes has a fixed order.
module top;
  reg req, ack;
  reg [7:0] data, got;
  integer k;
  initial begin
    req = 0; ack = 0;
    for (k = 1; k <= 3; k = k + 1) begin
      #2 data = k * 16;
      req = 1;
      wait (ack);
      $display("%0t producer saw ack for %h", $time, data);
      req = 0;
      wait (!ack);
    end
  end
  initial begin
    forever begin
      wait (req);
      #3 got = data;
      $display("%0t consumer took %h", $time, got);
      ack = 1;
      wait (!req);
      #1 ack = 0;
    end
  end
  initial #50 $finish;
endmodule
