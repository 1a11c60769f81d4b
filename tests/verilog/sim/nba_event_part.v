// Non-blocking assignments with an intra-assignment event control to part selects inside,
// partly outside and wholly outside the vector: only the bits inside are written, when the
// event comes. (The waiter's pending value must not clash with the NBA shadows in the model.)
module top;
  reg [3:0] x;
  reg [3:0] y [0:1];
  event e;
  integer i;
  initial begin
    x = 'hx; x[2:1] <= @e 2'b10; -> e; #1 $display("%b", x);
    x = 'hx; x[4:-1] <= @e 6'b101010; -> e; #1 $display("%b", x);
    x = 'hx; x[0:-1] <= @e 2'b10; -> e; #1 $display("%b", x);
    x = 'hx; x[4:3] <= @e 2'b01; -> e; #1 $display("%b", x);
    x = 'hx; x[6:5] <= @e 2'b11; -> e; #1 $display("%b", x);
    i = -1; x = 'hx; x[i+:6] <= @e 6'b101010; -> e; #1 $display("%b", x);
    i = 3; x = 'hx; x[i+:2] <= @e 2'b01; -> e; #1 $display("%b", x);
    i = 'hx; x = 'hx; x[i+:2] <= @e 2'b11; -> e; #1 $display("%b", x);
    y[0] = 'hx; y[0][4:-1] <= @e 6'b101010; -> e; #1 $display("%b", y[0]);
    i = -1; y[0] = 'hx; y[0][i+:2] <= @e 2'b10; -> e; #1 $display("%b", y[0]);
    x = 'hx; x[2:1] <= #1 2'b01; #2 $display("%b", x);
  end
endmodule
